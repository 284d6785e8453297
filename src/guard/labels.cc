// The label words and amount words of labels.h (English and Spanish, words
// normalized), and the reading of the words before a number.
#include "guard/labels.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "guard/text.h"

namespace threadline::guard_internal {
namespace {

// How far back the words that label a number are looked for.
constexpr int kMaxLabelWords = 4;
constexpr size_t kMaxLabelBytes = 40;

struct LabelWord {
  std::string_view word;
  Label label;
};

// clang-format off
constexpr LabelWord kLabelWords[] = {
    // Words between a label and its number.
    {"number", Label::kFiller}, {"numbers", Label::kFiller},
    {"num", Label::kFiller}, {"numero", Label::kFiller},
    {"numeros", Label::kFiller}, {"no", Label::kFiller},
    {"nos", Label::kFiller}, {"nr", Label::kFiller},
    {"nro", Label::kFiller}, {"nros", Label::kFiller},
    {"n", Label::kFiller}, {"id", Label::kFiller},
    {"code", Label::kFiller}, {"codigo", Label::kFiller},
    {"is", Label::kFiller}, {"es", Label::kFiller},
    {"was", Label::kFiller}, {"era", Label::kFiller},
    {"your", Label::kFiller}, {"su", Label::kFiller},
    {"sus", Label::kFiller}, {"tu", Label::kFiller},
    {"tus", Label::kFiller}, {"my", Label::kFiller},
    {"mi", Label::kFiller}, {"our", Label::kFiller},
    {"nuestro", Label::kFiller}, {"nuestra", Label::kFiller},
    {"de", Label::kFiller}, {"del", Label::kFiller},
    {"the", Label::kFiller}, {"el", Label::kFiller},
    {"la", Label::kFiller}, {"a", Label::kFiller},
    {"an", Label::kFiller}, {"un", Label::kFiller},
    {"una", Label::kFiller}, {"with", Label::kFiller},
    {"con", Label::kFiller}, {"ending", Label::kFiller},
    {"ends", Label::kFiller}, {"in", Label::kFiller},
    {"en", Label::kFiller}, {"terminada", Label::kFiller},
    {"terminado", Label::kFiller}, {"termina", Label::kFiller},
    {"new", Label::kFiller}, {"nuevo", Label::kFiller},
    {"nueva", Label::kFiller}, {"this", Label::kFiller},
    {"este", Label::kFiller}, {"esta", Label::kFiller},
    {"of", Label::kFiller}, {"for", Label::kFiller},
    {"para", Label::kFiller}, {"al", Label::kFiller},
    // Labels of numbers that identify no one.
    {"order", Label::kReference}, {"orders", Label::kReference},
    {"pedido", Label::kReference}, {"pedidos", Label::kReference},
    {"orden", Label::kReference}, {"ordenes", Label::kReference},
    {"ticket", Label::kReference}, {"tickets", Label::kReference},
    {"case", Label::kReference}, {"caso", Label::kReference},
    {"casos", Label::kReference}, {"reference", Label::kReference},
    {"ref", Label::kReference}, {"referencia", Label::kReference},
    {"folio", Label::kReference}, {"invoice", Label::kReference},
    {"factura", Label::kReference}, {"tracking", Label::kReference},
    {"rastreo", Label::kReference}, {"seguimiento", Label::kReference},
    {"guia", Label::kReference}, {"confirmation", Label::kReference},
    {"confirmacion", Label::kReference}, {"reservation", Label::kReference},
    {"reserva", Label::kReference}, {"reservacion", Label::kReference},
    {"booking", Label::kReference}, {"incident", Label::kReference},
    {"incidencia", Label::kReference}, {"claim", Label::kReference},
    {"reclamo", Label::kReference}, {"reclamacion", Label::kReference},
    {"request", Label::kReference}, {"solicitud", Label::kReference},
    {"tramite", Label::kReference}, {"radicado", Label::kReference},
    {"expediente", Label::kReference}, {"report", Label::kReference},
    {"reporte", Label::kReference}, {"complaint", Label::kReference},
    {"queja", Label::kReference}, {"shipment", Label::kReference},
    {"envio", Label::kReference}, {"package", Label::kReference},
    {"paquete", Label::kReference}, {"item", Label::kReference},
    {"articulo", Label::kReference}, {"sku", Label::kReference},
    {"model", Label::kReference}, {"modelo", Label::kReference},
    {"serial", Label::kReference}, {"serie", Label::kReference},
    {"flight", Label::kReference}, {"vuelo", Label::kReference},
    {"store", Label::kReference}, {"tienda", Label::kReference},
    {"sucursal", Label::kReference}, {"ext", Label::kReference},
    {"extension", Label::kReference}, {"version", Label::kReference},
    {"coupon", Label::kReference}, {"cupon", Label::kReference},
    {"promo", Label::kReference}, {"discount", Label::kReference},
    {"descuento", Label::kReference}, {"postal", Label::kReference},
    {"zip", Label::kReference}, {"part", Label::kReference},
    {"pieza", Label::kReference}, {"receipt", Label::kReference},
    {"recibo", Label::kReference}, {"transaction", Label::kReference},
    {"transaccion", Label::kReference}, {"operation", Label::kReference},
    {"operacion", Label::kReference}, {"rma", Label::kReference},
    {"return", Label::kReference}, {"devolucion", Label::kReference},
    {"refund", Label::kReference}, {"reembolso", Label::kReference},
    {"batch", Label::kReference}, {"lote", Label::kReference},
    {"room", Label::kReference}, {"habitacion", Label::kReference},
    {"seat", Label::kReference}, {"asiento", Label::kReference},
    // Labels of account and identity numbers.
    {"account", Label::kAccount}, {"accounts", Label::kAccount},
    {"acct", Label::kAccount}, {"acc", Label::kAccount},
    {"cuenta", Label::kAccount}, {"cuentas", Label::kAccount},
    {"cta", Label::kAccount}, {"iban", Label::kAccount},
    {"clabe", Label::kAccount}, {"routing", Label::kAccount},
    {"aba", Label::kAccount}, {"bank", Label::kAccount},
    {"banco", Label::kAccount}, {"bancaria", Label::kAccount},
    {"bancario", Label::kAccount}, {"checking", Label::kAccount},
    {"savings", Label::kAccount}, {"ahorros", Label::kAccount},
    {"member", Label::kAccount}, {"membership", Label::kAccount},
    {"socio", Label::kAccount}, {"afiliado", Label::kAccount},
    {"afiliacion", Label::kAccount}, {"policy", Label::kAccount},
    {"poliza", Label::kAccount}, {"contract", Label::kAccount},
    {"contrato", Label::kAccount}, {"customer", Label::kAccount},
    {"cliente", Label::kAccount}, {"subscriber", Label::kAccount},
    {"suscriptor", Label::kAccount}, {"abonado", Label::kAccount},
    {"card", Label::kAccount}, {"tarjeta", Label::kAccount},
    {"credit", Label::kAccount}, {"credito", Label::kAccount},
    {"debit", Label::kAccount}, {"debito", Label::kAccount},
    {"ssn", Label::kAccount}, {"social", Label::kAccount},
    {"dni", Label::kAccount}, {"nif", Label::kAccount},
    {"nie", Label::kAccount}, {"curp", Label::kAccount},
    {"rfc", Label::kAccount}, {"cedula", Label::kAccount},
    {"passport", Label::kAccount}, {"pasaporte", Label::kAccount},
    {"license", Label::kAccount}, {"licencia", Label::kAccount},
    {"itin", Label::kAccount}, {"ein", Label::kAccount},
    {"rut", Label::kAccount}, {"cuit", Label::kAccount},
    {"cuil", Label::kAccount}, {"nss", Label::kAccount},
    {"identification", Label::kAccount}, {"identificacion", Label::kAccount},
    {"documento", Label::kAccount},
    // Labels of secrets, which no message may carry.
    {"cvv", Label::kSecret}, {"cvc", Label::kSecret},
    {"cvv2", Label::kSecret}, {"pin", Label::kSecret},
    {"nip", Label::kSecret}, {"security", Label::kSecret},
    {"seguridad", Label::kSecret}, {"verification", Label::kSecret},
    {"verificacion", Label::kSecret}, {"otp", Label::kSecret},
    {"password", Label::kSecret}, {"passcode", Label::kSecret},
    {"contrase\xC3\xB1" "a", Label::kSecret}, {"clave", Label::kSecret},
    // Currency codes written before an amount ("USD 1,250", "MXN 40.000").
    {"usd", Label::kCurrency}, {"eur", Label::kCurrency},
    {"mxn", Label::kCurrency}, {"cop", Label::kCurrency},
    {"clp", Label::kCurrency}, {"ars", Label::kCurrency},
    {"pen", Label::kCurrency}, {"gbp", Label::kCurrency},
    {"brl", Label::kCurrency}, {"cad", Label::kCurrency},
    {"uyu", Label::kCurrency}, {"dop", Label::kCurrency},
    {"crc", Label::kCurrency}, {"gtq", Label::kCurrency},
};
// clang-format on

// Words after a number that make it an amount or a quantity.
constexpr std::string_view kAmountWords[] = {
    "usd",      "eur",      "mxn",     "cop",       "clp",       "ars",
    "pen",      "gbp",      "brl",     "cad",       "uyu",       "dop",
    "crc",      "gtq",      "pesos",   "peso",      "dolares",   "dollars",
    "dollar",   "euros",    "euro",    "bucks",     "cents",     "centavos",
    "centimos", "libras",   "pounds",  "soles",     "reales",    "reais",
    "mil",      "millones", "million", "millions",  "billion",   "points",
    "puntos",   "pts",      "miles",   "millas",    "km",        "kms",
    "kg",       "kgs",      "gb",      "mb",        "tb",        "mbps",
    "gbps",     "veces",    "times",   "views",     "followers", "seguidores",
    "users",    "usuarios", "percent", "porciento",
};

Label LabelOf(std::string_view word) {
  static const auto* const kLabels = [] {
    auto* labels = new absl::flat_hash_map<std::string, Label>();
    for (const LabelWord& entry : kLabelWords) {
      labels->emplace(std::string(entry.word), entry.label);
    }
    return labels;
  }();
  auto it = kLabels->find(ToAbsl(word));
  return it == kLabels->end() ? Label::kNone : it->second;
}

}  // namespace

bool IsCurrencySign(uint32_t cp) {
  return cp == '$' || cp == 0xA3 || cp == 0xA5 || cp == 0x20AC ||
         cp == 0x20A1 || cp == 0x20A9 || cp == 0x20B1 || cp == 0x20B2 ||
         cp == 0x20B9 || cp == 0x20BA || cp == 0x20BD;
}

bool IsAmountWord(std::string_view word) {
  return std::find(std::begin(kAmountWords), std::end(kAmountWords), word) !=
         std::end(kAmountWords);
}

Label LabelBefore(std::string_view text, size_t pos, std::string* label) {
  std::string word;
  size_t begin = 0;
  for (int i = 0; i < kMaxLabelWords; ++i) {
    if (!WordBefore(text, pos, kMaxLabelBytes, /*within_clause=*/false, &word,
                    &begin)) {
      break;
    }
    const Label found = LabelOf(word);
    if (found == Label::kNone) break;
    if (found != Label::kFiller) {
      *label = word;
      return found;
    }
    pos = begin;
  }
  return Label::kNone;
}

}  // namespace threadline::guard_internal
