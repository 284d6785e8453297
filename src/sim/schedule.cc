// Schedule: when each of a person's inquiries starts, at an hour people
// write: the regular ones weeks apart, then the traps (the same matter again
// after a resolution, a second matter while the first is open) and the
// complaints about each outage wave; and the waves themselves (WavesFor).
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "sim/journey.h"
#include "sim/people.h"
#include "sim/planner.h"
#include "sim/rng.h"

namespace threadline::sim {
namespace {

// Regular inquiries of one person start at least this far apart, so two of
// them are never one inquiry by accident.
constexpr int32_t kRegularGapDays = 14;

// How often each matter comes up.
constexpr double kMatterWeight[kMatterCount] = {17, 9,  11, 11, 7,
                                                9,  10, 10, 7,  9};

// When people write, by local hour.
constexpr double kHourWeight[24] = {1.0, 0.5, 0.3, 0.2, 0.2, 0.4, 1.2, 3.0,
                                    5.0, 7.0, 8.0, 8.0, 7.5, 7.0, 7.0, 7.0,
                                    7.0, 7.0, 7.5, 8.0, 7.0, 5.5, 3.5, 2.0};

int32_t LocalHour(int32_t t, int32_t phase) {
  int64_t local = (static_cast<int64_t>(t) + phase) % kDay;
  if (local < 0) local += kDay;
  return static_cast<int32_t>(local / kHour);
}

// Daytime(day): a time on window day `day` at an hour people write, for a
// person whose local clock is `phase` seconds ahead of the window's.
int32_t Daytime(Rng& r, int32_t day, int32_t phase) {
  int64_t local_midnight = static_cast<int64_t>(day) * kDay;
  int64_t p = phase % kDay;
  if (p < 0) p += kDay;
  local_midnight -= p;
  // Cumulative weights, once: this runs for every inquiry.
  static const std::array<double, 24> kCumulative = [] {
    std::array<double, 24> c{};
    double sum = 0;
    for (int h = 0; h < 24; ++h) c[h] = sum += kHourWeight[h];
    return c;
  }();
  const double x = r.Unit() * kCumulative[23];
  int hour = 0;
  while (hour < 23 && x >= kCumulative[hour]) ++hour;
  int64_t t = local_midnight + hour * kHour + r.Range(0, kHour - 1);
  if (t < static_cast<int64_t>(day) * kDay) t += kDay;
  return static_cast<int32_t>(t);
}

Matter DrawMatter(Rng& r, const bool* used) {
  double w[kMatterCount];
  for (int m = 0; m < kMatterCount; ++m) w[m] = used[m] ? 0 : kMatterWeight[m];
  return static_cast<Matter>(r.Weighted(w));
}

}  // namespace

int32_t Wake(Rng& r, int32_t t, int32_t phase) {
  const int32_t hour = LocalHour(t, phase);
  if (hour >= 1 && hour < 7 && r.Chance(0.85)) {
    return t + (7 - hour) * kHour + static_cast<int32_t>(r.Range(0, 2 * kHour));
  }
  return t;
}

int32_t PhaseOf(const JourneyConfig& config, int32_t utc_offset) {
  return static_cast<int32_t>((config.start_phase + utc_offset) % kDay);
}

std::vector<Wave> WavesFor(uint64_t seed, int32_t window_seconds) {
  Rng r(HashOf(seed, kWaveStream));
  std::vector<Wave> waves;
  const int64_t w = window_seconds;
  const int64_t firsts[2] = {w * 18 / 100 + r.Range(0, w * 6 / 100),
                             w * 55 / 100 + r.Range(0, w * 8 / 100)};
  for (int64_t start : firsts) {
    Wave wave;
    wave.start = static_cast<int32_t>(start);
    wave.end = static_cast<int32_t>(
        std::min<int64_t>(w - 1, start + r.Range(3 * kHour, 9 * kHour)));
    waves.push_back(wave);
  }
  return waves;
}

int Schedule(const JourneyConfig& config, uint32_t index, ScheduleEntry* out) {
  return Schedule(config, index, RegionOf(config.seed, index, config.customers),
                  out);
}

int Schedule(const JourneyConfig& config, uint32_t index, Region region,
             ScheduleEntry* out) {
  Rng r(HashOf(config.seed, index, kScheduleStream));
  const int32_t phase =
      PhaseOf(config, UtcOffsetSeconds(config.seed, index, region));
  const int32_t window = config.window_seconds;
  const int32_t days = std::max(1, window / kDay);

  struct Item {
    ScheduleEntry e;
    int order;
  };
  Item items[kMaxInquiries];
  int n = 0;
  bool used[kMatterCount] = {};

  static constexpr double kCountWeight[] = {72, 21, 6, 1};
  int regular = 1 + static_cast<int>(r.Weighted(kCountWeight));
  regular =
      std::max(1, std::min({regular, 1 + (days - 1) / kRegularGapDays, 4}));
  int day[kMaxInquiries];
  const int span = days - (regular - 1) * kRegularGapDays;
  for (int i = 0; i < regular; ++i) day[i] = static_cast<int>(r.Below(span));
  std::sort(day, day + regular);
  auto clamp = [window](int32_t t) {
    return std::max<int32_t>(0, std::min<int32_t>(t, window - 5 * kMinute));
  };
  for (int i = 0; i < regular; ++i) {
    ScheduleEntry e;
    e.start = clamp(Daytime(r, day[i] + i * kRegularGapDays, phase));
    e.matter = DrawMatter(r, used);
    used[static_cast<int>(e.matter)] = true;
    items[n] = {e, n};
    ++n;
  }

  if (config.traps) {
    // The same matter again weeks after the first was resolved: a new
    // inquiry, not a reopening.
    if (r.Chance(0.07)) {
      const int repeat_day =
          items[0].e.start / kDay + static_cast<int>(r.Range(20, 40));
      if (repeat_day < days && n < kMaxInquiries) {
        ScheduleEntry e;
        e.start = clamp(Daytime(r, repeat_day, phase));
        e.matter = items[0].e.matter;
        e.kind = InquiryKind::kRepeat;
        e.partner = 0;
        items[0].e.must_resolve = true;
        items[n] = {e, n};
        ++n;
      }
    }
    // A second matter raised while the first is still open.
    if (r.Chance(0.05) && n < kMaxInquiries) {
      const int a = static_cast<int>(r.Below(static_cast<uint64_t>(regular)));
      const int32_t start = items[a].e.start + static_cast<int32_t>(r.Range(
                                                   1 * kHour, 20 * kHour));
      if (start < window - 6 * kHour) {
        ScheduleEntry e;
        e.start = start;
        e.matter = DrawMatter(r, used);
        used[static_cast<int>(e.matter)] = true;
        e.kind = InquiryKind::kConcurrent;
        e.partner = static_cast<int8_t>(a);
        items[a].e.hold_open_until =
            start + static_cast<int32_t>(r.Range(1 * kHour, 10 * kHour));
        items[n] = {e, n};
        ++n;
      }
    }
  }

  // People on social networks complain about outages most; the rest less,
  // so that about outage_share of everyone does (seven in ten post).
  const Social social = SocialOf(config.seed, index, region);
  const bool posts = social.twitter || social.facebook || social.instagram;
  const double complain = config.outage_share * (posts ? 1.3 : 0.3);
  for (size_t w = 0; w < config.waves.size() && n < kMaxInquiries; ++w) {
    Rng wr(HashOf(config.seed, index, kOutageStream + w));
    if (!wr.Chance(complain)) continue;
    const int32_t start = config.waves[w].start +
                          static_cast<int32_t>(DrawSpan(wr, kOutageDelay));
    if (start >= window) continue;
    ScheduleEntry e;
    e.start = start;
    e.matter = Matter::kOutage;
    e.kind = InquiryKind::kOutage;
    e.incident = static_cast<uint8_t>(w + 1);
    // A connectivity complaint of this person near the wave would be the
    // same inquiry in all but name: give it another matter.
    for (int i = 0; i < n; ++i) {
      if (items[i].e.matter == Matter::kOutage &&
          items[i].e.kind != InquiryKind::kOutage &&
          std::abs(items[i].e.start - start) < 6 * kDay) {
        items[i].e.matter = DrawMatter(wr, used);
        used[static_cast<int>(items[i].e.matter)] = true;
        // Its repeat, if any, follows the new matter.
        for (int k = 0; k < n; ++k) {
          if (items[k].e.kind == InquiryKind::kRepeat &&
              items[k].e.partner == i) {
            items[k].e.matter = items[i].e.matter;
          }
        }
      }
    }
    items[n] = {e, n};
    ++n;
  }

  // Order by start; partners are renumbered to the new positions.
  std::stable_sort(items, items + n, [](const Item& a, const Item& b) {
    return a.e.start < b.e.start;
  });
  int position[kMaxInquiries];
  for (int i = 0; i < n; ++i) position[items[i].order] = i;
  for (int i = 0; i < n; ++i) {
    out[i] = items[i].e;
    if (out[i].partner >= 0) {
      out[i].partner = static_cast<int8_t>(position[out[i].partner]);
    }
  }
  return n;
}

}  // namespace threadline::sim
