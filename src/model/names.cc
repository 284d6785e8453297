// Enum names come from the protobuf descriptors, so the C++ API, the JSON
// codec and the wire format share one definition of every name.
#include <string>

#include "threadline/types.h"
#include "threadline/v1/interaction.pb.h"
#include "threadline/v1/model.pb.h"

namespace threadline {
namespace {

namespace v1 = ::threadline::v1;

template <typename ProtoEnum, typename Parse>
std::optional<ProtoEnum> ParseProtoEnum(std::string_view name, Parse parse) {
  ProtoEnum value;
  if (!parse(std::string(name), &value) || static_cast<int>(value) == 0) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::string_view ChannelName(Channel channel) {
  return v1::Interaction::Channel_Name(
      static_cast<v1::Interaction::Channel>(channel));
}

std::optional<Channel> ParseChannel(std::string_view name) {
  auto v = ParseProtoEnum<v1::Interaction::Channel>(
      name, &v1::Interaction::Channel_Parse);
  if (!v) return std::nullopt;
  return static_cast<Channel>(*v);
}

std::string_view DirectionName(Direction direction) {
  return v1::Interaction::Direction_Name(
      static_cast<v1::Interaction::Direction>(direction));
}

std::optional<Direction> ParseDirection(std::string_view name) {
  auto v = ParseProtoEnum<v1::Interaction::Direction>(
      name, &v1::Interaction::Direction_Parse);
  if (!v) return std::nullopt;
  return static_cast<Direction>(*v);
}

std::string_view IdentityKindName(IdentityKind kind) {
  return v1::Identity::Kind_Name(static_cast<v1::Identity::Kind>(kind));
}

std::optional<IdentityKind> ParseIdentityKind(std::string_view name) {
  auto v =
      ParseProtoEnum<v1::Identity::Kind>(name, &v1::Identity::Kind_Parse);
  if (!v) return std::nullopt;
  return static_cast<IdentityKind>(*v);
}

std::string_view DispositionName(Disposition disposition) {
  return v1::Interaction::Disposition_Name(
      static_cast<v1::Interaction::Disposition>(disposition));
}

std::optional<Disposition> ParseDisposition(std::string_view name) {
  auto v = ParseProtoEnum<v1::Interaction::Disposition>(
      name, &v1::Interaction::Disposition_Parse);
  if (!v) return std::nullopt;
  return static_cast<Disposition>(*v);
}

std::string_view LinkReasonName(LinkReason reason) {
  return v1::Linkage::Reason_Name(static_cast<v1::Linkage::Reason>(reason));
}

std::string_view CaseStatusName(CaseStatus status) {
  return v1::Case::Status_Name(static_cast<v1::Case::Status>(status));
}

std::string IdentityToString(const Identity& identity) {
  std::string out(IdentityKindName(identity.kind));
  out += ':';
  out += identity.value;
  return out;
}

bool operator==(const Interaction& a, const Interaction& b) {
  return a.id == b.id && a.occurred_at == b.occurred_at &&
         a.channel == b.channel && a.direction == b.direction &&
         a.contact == b.contact && a.identities == b.identities &&
         a.text == b.text && a.reply_to == b.reply_to &&
         a.thread_id == b.thread_id && a.external_ref == b.external_ref &&
         a.topic == b.topic && a.agent_id == b.agent_id &&
         a.language == b.language && a.region == b.region &&
         a.display_name == b.display_name && a.disposition == b.disposition;
}

}  // namespace threadline
