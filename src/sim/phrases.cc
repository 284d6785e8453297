#include "sim/phrases.h"

#include <string_view>

namespace threadline::sim {
namespace {

template <size_t N>
constexpr Bank B(const std::string_view (&items)[N]) {
  return Bank{items, N};
}

// ---------------------------------------------------------------------------
// Billing.
constexpr std::string_view kBillingOpenEn[] = {
    "My bill went up to {amount} this month and nobody told me why",
    "I was charged twice for the same month",
    "There is a charge of {amount} on my bill that I never agreed to",
    "Why is my monthly bill {amount} now? It used to be {amount2}",
    "You're still billing me for an add-on I cancelled weeks ago",
    "I got a late fee even though I paid on time",
    "My latest invoice has extra charges I don't recognise",
    "The promo price ended without warning and now I'm paying {amount}",
    "I've been overcharged on my last two bills",
    "Can someone explain the {amount} on my statement?",
    "My bill shows international calls I never made",
    "You took {amount} from my card for something I didn't order",
    "This month's invoice is almost double the usual"};
constexpr std::string_view kBillingDetailEn[] = {
    "I have the bank statement to prove it.",
    "It's listed as 'additional services' but I never added anything.",
    "Last month it was {amount2}.",
    "I'm on autopay so I only noticed when I checked my bank.",
    "The app shows the same amount.",
    "Nobody mentioned a price change when I signed up.",
    "This is the {nth} month in a row.",
    "I haven't changed anything on my plan."};
constexpr std::string_view kBillingNoteEn[] = {
    "a {amount} charge on the latest bill",
    "double billing this cycle",
    "bill increase to {amount}",
    "charges for a cancelled add-on",
    "late fee applied after on-time payment",
    "unrecognised charges on invoice"};
constexpr std::string_view kBillingRefEn[] = {
    "my bill", "the extra charge", "the double charge", "the billing issue",
    "the overcharge"};
constexpr std::string_view kBillingFixEn[] = {
    "I've reversed the extra charge, you'll see the credit on your next bill.",
    "The duplicate payment has been refunded to your card; allow 3 to 5 "
    "business days.",
    "We've added a {amount} credit to your account and put your promo rate "
    "back.",
    "The late fee has been removed and your balance is correct now.",
    "The add-on is gone and we've refunded what you paid for it."};

constexpr std::string_view kBillingOpenEs[] = {
    "Este mes la factura me llegó por {amount} y nadie me explica por qué",
    "Me cobraron dos veces el mismo mes",
    "Tengo un cobro de {amount} en la factura que nunca autoricé",
    "¿Por qué ahora pago {amount}? Antes pagaba {amount2}",
    "Me siguen cobrando un adicional que cancelé hace semanas",
    "Me cobraron recargo por mora y pagué a tiempo",
    "En la última factura aparecen cargos que no reconozco",
    "Se acabó la promoción sin avisarme y ahora me cobran {amount}",
    "Llevo dos facturas seguidas con cobros de más",
    "¿Alguien me explica el cargo de {amount} en mi estado de cuenta?",
    "Me aparecen llamadas internacionales que nunca hice",
    "Me descontaron {amount} de la tarjeta por algo que no pedí",
    "La factura de este mes viene casi al doble"};
constexpr std::string_view kBillingDetailEs[] = {
    "Tengo el extracto del banco para demostrarlo.",
    "Dice 'servicios adicionales' pero yo no agregué nada.",
    "El mes pasado fueron {amount2}.",
    "Tengo débito automático y me di cuenta al revisar el banco.",
    "En la app sale lo mismo.",
    "Cuando contraté nadie me habló de un aumento.",
    "Ya van {count} meses así.",
    "No he cambiado nada del plan."};
constexpr std::string_view kBillingNoteEs[] = {
    "cobro de {amount} en la última factura",
    "doble cobro en el periodo",
    "aumento de la factura a {amount}",
    "cobros de un adicional cancelado",
    "recargo por mora con pago a tiempo",
    "cargos no reconocidos en la factura"};
constexpr std::string_view kBillingRefEs[] = {
    "mi factura", "el cobro de más", "el doble cobro", "lo de la factura",
    "el cargo que no reconozco"};
constexpr std::string_view kBillingFixEs[] = {
    "Ya reversamos el cobro, lo verás como saldo a favor en la próxima "
    "factura.",
    "El pago duplicado se devolvió a tu tarjeta, puede tardar de 3 a 5 días "
    "hábiles.",
    "Aplicamos un crédito de {amount} a tu cuenta y te devolvimos la tarifa "
    "de promoción.",
    "Quitamos el recargo y tu saldo ya está correcto.",
    "Ya eliminamos el adicional y te devolvimos lo cobrado."};

// ---------------------------------------------------------------------------
// Refund.
constexpr std::string_view kRefundOpenEn[] = {
    "I returned the {item} {days} ago and still haven't seen my refund",
    "Where is my refund? You received the return on {weekday}",
    "You confirmed my return but the money never came back",
    "My refund of {amount} is still showing as pending",
    "I was promised a refund within 5 days, it's been {days}",
    "I cancelled order {order} before it shipped and was still charged",
    "The refund went to a card I no longer have",
    "Only part of my refund arrived, {amount2} is missing",
    "How long does a refund take? It's been {days}"};
constexpr std::string_view kRefundDetailEn[] = {
    "The tracking shows you received the parcel.",
    "I have the return label and the drop-off receipt.",
    "My bank says nothing has come in.", "The order number is {order}.",
    "Someone told me last time it was approved."};
constexpr std::string_view kRefundNoteEn[] = {
    "refund pending for returned {item}", "refund of {amount} not received",
    "charged for cancelled order {order}", "partial refund, {amount2} missing"};
constexpr std::string_view kRefundRefEn[] = {"my refund", "the refund",
                                             "the money from my return",
                                             "the refund for order {order}"};
constexpr std::string_view kRefundFixEn[] = {
    "Your refund of {amount} went out today; banks take up to 5 business "
    "days to show it.",
    "I found the problem: the refund was stuck. It's been released to your "
    "card now.",
    "We've sent the missing {amount2} to your original payment method.",
    "The refund is processed; you'll get a confirmation email shortly."};

constexpr std::string_view kRefundOpenEs[] = {
    "Devolví el {item} hace {days} y todavía no me llega el reembolso",
    "¿Dónde está mi reembolso? Recibieron la devolución el {weekday}",
    "Me confirmaron la devolución pero el dinero nunca volvió",
    "El reembolso de {amount} sigue saliendo como pendiente",
    "Me prometieron el reembolso en 5 días y ya van {days}",
    "Cancelé el pedido {order} antes del envío y igual me lo cobraron",
    "El reembolso se fue a una tarjeta que ya no tengo",
    "Solo me devolvieron una parte, faltan {amount2}",
    "¿Cuánto se demora un reembolso? Ya pasaron {days}"};
constexpr std::string_view kRefundDetailEs[] = {
    "En el seguimiento sale que ustedes recibieron el paquete.",
    "Tengo la guía de devolución y el comprobante de entrega.",
    "En el banco me dicen que no ha entrado nada.",
    "El número de pedido es {order}.",
    "La vez pasada me dijeron que ya estaba aprobado."};
constexpr std::string_view kRefundNoteEs[] = {
    "reembolso pendiente por devolución de {item}",
    "reembolso de {amount} no recibido", "cobro de pedido cancelado {order}",
    "reembolso parcial, faltan {amount2}"};
constexpr std::string_view kRefundRefEs[] = {"mi reembolso", "el reembolso",
                                             "la devolución de mi dinero",
                                             "el reembolso del pedido {order}"};
constexpr std::string_view kRefundFixEs[] = {
    "Tu reembolso de {amount} salió hoy; el banco puede tardar hasta 5 días "
    "hábiles en reflejarlo.",
    "El reembolso estaba detenido, ya lo liberamos a tu tarjeta.",
    "Te enviamos los {amount2} que faltaban al mismo medio de pago.",
    "Reembolso procesado, en un rato te llega el correo de confirmación."};

// ---------------------------------------------------------------------------
// Delivery.
constexpr std::string_view kDeliveryOpenEn[] = {
    "My order {order} was supposed to arrive on {weekday} and it's still not "
    "here",
    "The courier says delivered but there's nothing at my door",
    "Tracking hasn't moved in {days}",
    "The driver didn't even ring, just left a 'sorry we missed you' card",
    "My package arrived damaged, the box was crushed",
    "I received the wrong item, I ordered a {item}",
    "Where is my order? It's a week late",
    "My delivery has been rescheduled {count} times already",
    "Half of my order is missing"};
constexpr std::string_view kDeliveryDetailEn[] = {
    "I was home all day.", "It's a gift and I need it by {weekday}.",
    "The tracking just says 'in transit'.", "Order number {order}.",
    "My neighbours didn't get it either."};
constexpr std::string_view kDeliveryNoteEn[] = {
    "late delivery, order {order}", "parcel marked delivered, not received",
    "damaged package", "wrong item received",
    "missed delivery, no attempt made"};
constexpr std::string_view kDeliveryRefEn[] = {
    "my order", "the delivery", "order {order}", "my package", "the parcel"};
constexpr std::string_view kDeliveryFixEn[] = {
    "We've sent a replacement by express; it'll be with you in 1 to 2 days.",
    "The courier confirmed it went to the wrong address; a new one ships "
    "today.",
    "Your parcel is out for delivery this morning, tracking is updated.",
    "We've refunded the shipping and booked a new delivery for {weekday}."};

constexpr std::string_view kDeliveryOpenEs[] = {
    "Mi pedido {order} tenía que llegar el {weekday} y nada",
    "La transportadora dice entregado pero aquí no llegó nada",
    "El seguimiento no se mueve hace {days}",
    "El repartidor ni timbró, solo dejó un aviso de que no había nadie",
    "El paquete llegó dañado, la caja venía aplastada",
    "Me llegó otro producto, yo pedí un {item}",
    "¿Dónde está mi pedido? Lleva una semana de retraso",
    "Ya me reprogramaron la entrega {count} veces",
    "Me falta la mitad del pedido"};
constexpr std::string_view kDeliveryDetailEs[] = {
    "Estuve en la casa todo el día.",
    "Es un regalo y lo necesito para el {weekday}.",
    "El seguimiento solo dice 'en tránsito'.", "Pedido número {order}.",
    "Los vecinos tampoco lo recibieron."};
constexpr std::string_view kDeliveryNoteEs[] = {
    "entrega retrasada, pedido {order}",
    "paquete marcado entregado sin recibir", "paquete dañado",
    "producto equivocado", "entrega fallida sin intento"};
constexpr std::string_view kDeliveryRefEs[] = {
    "mi pedido", "la entrega", "el pedido {order}", "mi paquete"};
constexpr std::string_view kDeliveryFixEs[] = {
    "Te enviamos un reemplazo por envío express, te llega en 1 o 2 días.",
    "La transportadora confirmó que lo dejó en otra dirección; hoy sale uno "
    "nuevo.",
    "Tu paquete salió a reparto esta mañana, ya se actualizó el seguimiento.",
    "Te devolvimos el envío y agendamos una nueva entrega para el {weekday}."};

// ---------------------------------------------------------------------------
// Connectivity (outside outages).
constexpr std::string_view kOutageOpenEn[] = {
    "My internet keeps dropping every few minutes",
    "I'm paying for {speed} and getting barely 10",
    "The wifi cuts out every evening",
    "No signal at home {when}",
    "My calls keep dropping",
    "The internet is down again {when}",
    "Mobile data stopped working {when}",
    "Internet is so slow I can't even load my email"};
constexpr std::string_view kOutageDetailEn[] = {
    "I already restarted the {device} twice.",
    "All the lights on the {device} are on except internet.",
    "I work from home, this is a real problem.",
    "A speed test gives me 3 megs.", "It's worse at night."};
constexpr std::string_view kOutageNoteEn[] = {
    "intermittent connection", "slow speeds vs contracted {speed}",
    "no signal at home", "dropped calls", "no data service"};
constexpr std::string_view kOutageRefEn[] = {
    "my connection", "the internet problem", "my internet", "the signal issue"};
constexpr std::string_view kOutageFixEn[] = {
    "We found a fault on your line and fixed it, please restart your "
    "{device}.",
    "We've reset your connection from our side, speeds should be back to "
    "normal.",
    "A technician repaired the line in your street, you should be back "
    "online.",
    "We updated your {device} remotely; let us know if it drops again."};

constexpr std::string_view kOutageOpenEs[] = {
    "El internet se me cae cada rato",
    "Pago {speed} y no me llegan ni 10",
    "El wifi se corta todas las noches",
    "No tengo señal en la casa {when}",
    "Se me caen las llamadas todo el tiempo",
    "Otra vez sin internet {when}",
    "Los datos dejaron de funcionar {when}",
    "El internet está tan lento que no abre ni el correo"};
constexpr std::string_view kOutageDetailEs[] = {
    "Ya reinicié el {device} dos veces.",
    "Todas las luces del {device} prenden menos la de internet.",
    "Trabajo desde la casa, esto es un problema serio.",
    "El test de velocidad marca 3 megas.", "En la noche es peor."};
constexpr std::string_view kOutageNoteEs[] = {
    "conexión intermitente", "velocidad por debajo de {speed}",
    "sin señal en el domicilio", "llamadas caídas", "sin servicio de datos"};
constexpr std::string_view kOutageRefEs[] = {
    "mi conexión", "lo del internet", "mi internet", "la falla de señal"};
constexpr std::string_view kOutageFixEs[] = {
    "Encontramos una falla en tu línea y ya quedó corregida, reinicia el "
    "{device}.",
    "Reiniciamos tu conexión desde aquí, la velocidad ya debería estar "
    "normal.",
    "Un técnico reparó la red de tu zona, ya deberías tener servicio.",
    "Actualizamos tu {device} de forma remota; si se vuelve a caer nos "
    "avisas."};

// ---------------------------------------------------------------------------
// Cancellation.
constexpr std::string_view kCancelOpenEn[] = {
    "I want to cancel my service",
    "How do I cancel? I'm moving abroad",
    "Please cancel my plan at the end of the month",
    "I asked to cancel {days} ago and I'm still being charged",
    "I want to close my account, it's too expensive",
    "Cancel my subscription please, I've found a better deal",
    "I'm trying to cancel online and the page just errors",
    "Why do I have to call to cancel? Just cancel it"};
constexpr std::string_view kCancelDetailEn[] = {
    "I'm moving to {city} next month.",
    "I don't want a retention offer, thanks.",
    "I've already returned the {device}.", "My contract ended in {month}.",
    "Please confirm in writing."};
constexpr std::string_view kCancelNoteEn[] = {
    "requests cancellation", "cancellation, moving abroad",
    "cancellation requested earlier, still billed",
    "wants to close account over price"};
constexpr std::string_view kCancelRefEn[] = {
    "my cancellation", "the cancellation", "cancelling my account",
    "closing my account"};
constexpr std::string_view kCancelFixEn[] = {
    "Your service is cancelled as of today and you won't be billed again. "
    "The confirmation is on its way by email.",
    "Done, the account closes at the end of this billing period.",
    "The cancellation is processed and the last charge has been refunded.",
    "We've cancelled the plan; please return the {device} within 30 days."};

constexpr std::string_view kCancelOpenEs[] = {
    "Quiero cancelar el servicio",
    "¿Cómo cancelo? Me voy a vivir a otro país",
    "Por favor cancelen mi plan a fin de mes",
    "Pedí la cancelación hace {days} y me siguen cobrando",
    "Quiero dar de baja la cuenta, está muy caro",
    "Cancelen mi suscripción por favor, encontré algo mejor",
    "Intento cancelar por la página y me sale error",
    "¿Por qué tengo que llamar para cancelar? Cancélenlo y ya",
    "Quiero darme de baja"};
constexpr std::string_view kCancelDetailEs[] = {
    "Me mudo a {city} el mes que viene.",
    "No quiero ofertas para quedarme, gracias.", "Ya devolví el {device}.",
    "El contrato se venció en {month}.", "Quiero la confirmación por escrito."};
constexpr std::string_view kCancelNoteEs[] = {
    "solicita cancelación", "cancelación por viaje",
    "pidió cancelación antes, sigue facturado",
    "quiere cerrar la cuenta por precio"};
constexpr std::string_view kCancelRefEs[] = {
    "la cancelación", "mi baja", "cancelar mi cuenta", "lo de la cancelación"};
constexpr std::string_view kCancelFixEs[] = {
    "Tu servicio quedó cancelado desde hoy y no te llegarán más cobros. Te "
    "enviamos la confirmación por correo.",
    "Listo, la cuenta se cierra al final de este periodo de facturación.",
    "La cancelación quedó procesada y te devolvimos el último cobro.",
    "Cancelamos el plan; recuerda devolver el {device} en los próximos 30 "
    "días."};

// ---------------------------------------------------------------------------
// Plan change.
constexpr std::string_view kPlanOpenEn[] = {
    "I'd like to upgrade to the {plan} plan",
    "Can I add more data to my plan?",
    "How much would it cost to move to {plan}?",
    "I want to downgrade, I don't use half of what I pay for",
    "Can I add a line for my daughter?",
    "Is there a cheaper plan with the same speed?",
    "I asked for the {plan} upgrade on {weekday} and nothing changed",
    "Can I get fibre at my address?"};
constexpr std::string_view kPlanDetailEn[] = {
    "I'm on {plan2} at the moment.", "I'd keep the same number.",
    "I've been a customer for {count} years.",
    "The website won't let me change it.",
    "I saw an offer for new customers at {amount}."};
constexpr std::string_view kPlanNoteEn[] = {
    "wants upgrade to {plan}", "add data to plan", "downgrade request",
    "add a line", "upgrade requested, not applied"};
constexpr std::string_view kPlanRefEn[] = {
    "my plan change", "the upgrade", "changing my plan", "the {plan} plan"};
constexpr std::string_view kPlanFixEn[] = {
    "You're now on {plan}; the change shows on your next bill.",
    "Done, the extra data is active from today.",
    "We've moved you to {plan} at {amount} a month, no fee.",
    "The new line is active; the SIM ships tomorrow."};

constexpr std::string_view kPlanOpenEs[] = {
    "Quiero pasarme al plan {plan}",
    "¿Puedo agregarle más datos a mi plan?",
    "¿Cuánto me cuesta cambiarme a {plan}?",
    "Quiero bajar de plan, no uso ni la mitad de lo que pago",
    "¿Puedo agregar una línea para mi hija?",
    "¿Hay un plan más barato con la misma velocidad?",
    "Pedí el cambio a {plan} el {weekday} y no ha cambiado nada",
    "¿Tienen fibra en mi dirección?"};
constexpr std::string_view kPlanDetailEs[] = {
    "Ahora tengo el {plan2}.", "Quiero mantener el mismo número.",
    "Soy cliente hace {count} años.", "La página no me deja cambiarlo.",
    "Vi una oferta para clientes nuevos de {amount}."};
constexpr std::string_view kPlanNoteEs[] = {
    "quiere subir a {plan}", "agregar datos al plan", "solicita bajar de plan",
    "agregar línea", "cambio de plan pedido y no aplicado"};
constexpr std::string_view kPlanRefEs[] = {
    "el cambio de plan", "mi cambio de plan", "lo del plan", "el plan {plan}"};
constexpr std::string_view kPlanFixEs[] = {
    "Ya quedaste en el plan {plan}, el cambio se ve en tu próxima factura.",
    "Listo, los datos adicionales quedan activos desde hoy.",
    "Te pasamos a {plan} por {amount} al mes, sin costo de cambio.",
    "La nueva línea ya está activa, la SIM sale mañana."};

// ---------------------------------------------------------------------------
// Login and account access.
constexpr std::string_view kLoginOpenEn[] = {
    "I can't log into my account",
    "The password reset email never arrives",
    "My account got locked after too many attempts",
    "The verification code never comes to my phone",
    "The app says my password is wrong but I just reset it",
    "Someone changed the email on my account, I think I was hacked",
    "I can't get into the app since the last update"};
constexpr std::string_view kLoginDetailEn[] = {
    "I checked my spam folder.", "I've tried the app and the website.",
    "It says 'error 4031'.", "I need to download my invoices.",
    "I don't have access to my old email anymore."};
constexpr std::string_view kLoginNoteEn[] = {
    "can't log in", "password reset email not received", "account locked",
    "2FA code not received", "suspected account takeover"};
constexpr std::string_view kLoginRefEn[] = {"my login", "access to my account",
                                            "the login problem",
                                            "my locked account"};
constexpr std::string_view kLoginFixEn[] = {
    "I've unlocked your account and sent a new reset link; it's valid for 24 "
    "hours.",
    "Your login works again; we've reset the verification settings.",
    "We've secured your account and restored your email; please set a new "
    "password.",
    "The app issue is fixed in today's update, please update and log in "
    "again."};

constexpr std::string_view kLoginOpenEs[] = {
    "No puedo entrar a mi cuenta",
    "Nunca me llega el correo para restablecer la contraseña",
    "Se me bloqueó la cuenta por muchos intentos",
    "El código de verificación no me llega al {cel}",
    "La app dice que la contraseña está mal y la acabo de cambiar",
    "Alguien cambió el correo de mi cuenta, creo que me hackearon",
    "Desde la última actualización no puedo entrar a la app"};
constexpr std::string_view kLoginDetailEs[] = {
    "Ya revisé la carpeta de spam.", "Lo intenté en la app y en la página.",
    "Sale 'error 4031'.", "Necesito descargar mis facturas.",
    "Ya no tengo acceso a mi correo viejo."};
constexpr std::string_view kLoginNoteEs[] = {
    "no puede iniciar sesión", "no llega correo de restablecimiento",
    "cuenta bloqueada", "no llega código de verificación",
    "posible robo de cuenta"};
constexpr std::string_view kLoginRefEs[] = {
    "el acceso a mi cuenta", "lo de la contraseña", "mi cuenta bloqueada",
    "el problema para entrar"};
constexpr std::string_view kLoginFixEs[] = {
    "Desbloqueamos tu cuenta y te enviamos un enlace nuevo; vale por 24 "
    "horas.",
    "Ya puedes entrar, reiniciamos la verificación.",
    "Aseguramos tu cuenta y restauramos tu correo; crea una contraseña "
    "nueva.",
    "La falla de la app se corrigió en la actualización de hoy, actualiza y "
    "vuelve a entrar."};

// ---------------------------------------------------------------------------
// Device fault.
constexpr std::string_view kDeviceOpenEn[] = {
    "My {device} stopped working",
    "The {device} you sent me won't turn on",
    "My new {device} keeps restarting by itself",
    "The screen on my {device} flickers all the time",
    "The {device} I bought last month won't charge",
    "The {device} overheats and shuts down",
    "The remote for the TV box won't pair"};
constexpr std::string_view kDeviceDetailEn[] = {
    "It's still under warranty.", "I tried a factory reset.",
    "The light just blinks orange.", "I bought it at your store in {city}.",
    "It worked fine for {count} days."};
constexpr std::string_view kDeviceNoteEn[] = {
    "faulty {device}", "{device} not powering on", "{device} restarting",
    "{device} screen flicker", "{device} not charging"};
constexpr std::string_view kDeviceRefEn[] = {
    "my {device}", "the broken {device}", "the {device} problem"};
constexpr std::string_view kDeviceFixEn[] = {
    "We're sending you a replacement {device}; it'll arrive in 2 days with a "
    "return label for the old one.",
    "A firmware update fixed it; your {device} should be stable now.",
    "Take it to any of our stores and they'll swap it on the spot, it's "
    "under warranty.",
    "We've booked the repair; the courier collects the {device} tomorrow."};

constexpr std::string_view kDeviceOpenEs[] = {
    "Mi {device} dejó de funcionar",
    "El {device} que me mandaron no prende",
    "El {device} nuevo se reinicia solo",
    "La pantalla del {device} parpadea todo el tiempo",
    "El {device} que compré el mes pasado no carga",
    "El {device} se calienta y se apaga",
    "El control del decodificador no se conecta"};
constexpr std::string_view kDeviceDetailEs[] = {
    "Todavía está en garantía.", "Ya le hice el reseteo de fábrica.",
    "La luz solo parpadea en naranja.", "Lo compré en su tienda de {city}.",
    "Funcionó bien {count} días."};
constexpr std::string_view kDeviceNoteEs[] = {
    "{device} con falla", "{device} no enciende", "{device} se reinicia",
    "pantalla del {device} parpadea", "{device} no carga"};
constexpr std::string_view kDeviceRefEs[] = {
    "mi {device}", "el {device} dañado", "lo del {device}"};
constexpr std::string_view kDeviceFixEs[] = {
    "Te enviamos un {device} de reemplazo, llega en 2 días con la guía para "
    "devolver el otro.",
    "Con una actualización quedó resuelto; tu {device} ya debería funcionar "
    "bien.",
    "Llévalo a cualquiera de nuestras tiendas y te lo cambian en el momento, "
    "está en garantía.",
    "Agendamos la reparación; mañana pasa la transportadora por el "
    "{device}."};

// ---------------------------------------------------------------------------
// Technician appointment.
constexpr std::string_view kVisitOpenEn[] = {
    "The technician never showed up for my installation",
    "I waited all {weekday} for the technician and nobody came",
    "I need to reschedule my installation appointment",
    "My appointment was cancelled without any notice",
    "When is the technician coming? Nobody confirmed a time",
    "The installer left and the service still doesn't work"};
constexpr std::string_view kVisitDetailEn[] = {
    "I took the day off work for this.", "The window was 8 to 12.",
    "I got a text saying they'd come on {weekday}.", "This is the {nth} time.",
    "The address on my account is right."};
constexpr std::string_view kVisitNoteEn[] = {
    "technician no-show", "reschedule installation",
    "appointment cancelled without notice", "no confirmed time for visit",
    "installation incomplete"};
constexpr std::string_view kVisitRefEn[] = {
    "the technician visit", "my installation", "the appointment", "the visit"};
constexpr std::string_view kVisitFixEn[] = {
    "Your visit is booked for {weekday} between 8 and 12, and the technician "
    "will call 30 minutes before.",
    "Rescheduled for {weekday}; you'll get a confirmation text.",
    "We've credited {amount} for the missed visit and booked the first slot "
    "tomorrow.",
    "The technician finished the setup remotely, everything shows active "
    "now."};

constexpr std::string_view kVisitOpenEs[] = {
    "El técnico nunca llegó a la instalación",
    "Esperé todo el {weekday} al técnico y no vino nadie",
    "Necesito reprogramar la cita de instalación",
    "Me cancelaron la cita sin avisar",
    "¿A qué hora viene el técnico? Nadie me confirmó",
    "El instalador se fue y el servicio sigue sin funcionar"};
constexpr std::string_view kVisitDetailEs[] = {
    "Pedí el día libre en el trabajo por esto.", "La franja era de 8 a 12.",
    "Me llegó un mensaje de que venían el {weekday}.", "Ya es la {nth} vez.",
    "La dirección está bien en mi cuenta."};
constexpr std::string_view kVisitNoteEs[] = {
    "técnico no asistió", "reprogramar instalación", "cita cancelada sin aviso",
    "sin hora confirmada de visita", "instalación incompleta"};
constexpr std::string_view kVisitRefEs[] = {
    "la visita del técnico", "mi instalación", "la cita", "lo de la visita"};
constexpr std::string_view kVisitFixEs[] = {
    "Tu visita quedó para el {weekday} entre 8 y 12, el técnico te llama 30 "
    "minutos antes.",
    "Reprogramado para el {weekday}; te llega un mensaje de confirmación.",
    "Te abonamos {amount} por la visita fallida y te dimos el primer turno "
    "de mañana.",
    "El técnico terminó la configuración de forma remota, ya aparece todo "
    "activo."};

// ---------------------------------------------------------------------------
// Payment.
constexpr std::string_view kPayOpenEn[] = {
    "My payment keeps getting declined but my card is fine",
    "Autopay didn't go through and now I have a late notice",
    "I paid {amount} on {weekday} but my account still shows it as due",
    "How do I update the card on file? The app won't save it",
    "I paid twice by mistake, can I get one back?",
    "Your payment page times out every time I try to pay"};
constexpr std::string_view kPayDetailEn[] = {
    "My bank says there's no block on their side.", "I have the receipt.",
    "The card expires next year, it's valid.", "I tried two different cards.",
    "I don't want my service cut off."};
constexpr std::string_view kPayNoteEn[] = {
    "card payment declined", "autopay failed",
    "payment of {amount} not applied", "can't update card",
    "duplicate payment"};
constexpr std::string_view kPayRefEn[] = {
    "my payment", "the payment", "the payment issue", "paying my bill"};
constexpr std::string_view kPayFixEn[] = {
    "Your payment of {amount} is applied now and the late notice is "
    "cancelled.",
    "The card is saved and autopay is back on.",
    "We found the duplicate payment and refunded it; 3 to 5 days to show.",
    "The payment page is fixed; your payment went through this morning."};

constexpr std::string_view kPayOpenEs[] = {
    "Me rechazan el pago y la tarjeta está bien",
    "El débito automático no pasó y ahora me llegó aviso de mora",
    "Pagué {amount} el {weekday} y la cuenta sigue saliendo pendiente",
    "¿Cómo actualizo la tarjeta? La app no la guarda",
    "Pagué dos veces por error, ¿me devuelven uno?",
    "La página de pagos se queda cargando cada vez que intento pagar"};
constexpr std::string_view kPayDetailEs[] = {
    "El banco dice que no hay ningún bloqueo.", "Tengo el comprobante.",
    "La tarjeta vence el otro año, está vigente.",
    "Probé con dos tarjetas distintas.",
    "No quiero que me corten el servicio."};
constexpr std::string_view kPayNoteEs[] = {
    "pago con tarjeta rechazado", "falló débito automático",
    "pago de {amount} no aplicado", "no puede actualizar tarjeta",
    "pago duplicado"};
constexpr std::string_view kPayRefEs[] = {"mi pago", "el pago", "lo del pago",
                                          "el pago de la factura"};
constexpr std::string_view kPayFixEs[] = {
    "Tu pago de {amount} ya quedó aplicado y anulamos el aviso de mora.",
    "La tarjeta quedó guardada y el débito automático activo otra vez.",
    "Encontramos el pago duplicado y lo devolvimos; tarda de 3 a 5 días.",
    "La página de pagos ya funciona; tu pago entró esta mañana."};

constexpr MatterBanks kMatterBanks[kMatterCount][2] = {
    {{B(kBillingOpenEn), B(kBillingDetailEn), B(kBillingNoteEn),
      B(kBillingRefEn), B(kBillingFixEn), "billing"},
     {B(kBillingOpenEs), B(kBillingDetailEs), B(kBillingNoteEs),
      B(kBillingRefEs), B(kBillingFixEs), "el equipo de facturación"}},
    {{B(kRefundOpenEn), B(kRefundDetailEn), B(kRefundNoteEn), B(kRefundRefEn),
      B(kRefundFixEn), "refunds"},
     {B(kRefundOpenEs), B(kRefundDetailEs), B(kRefundNoteEs), B(kRefundRefEs),
      B(kRefundFixEs), "el equipo de reembolsos"}},
    {{B(kDeliveryOpenEn), B(kDeliveryDetailEn), B(kDeliveryNoteEn),
      B(kDeliveryRefEn), B(kDeliveryFixEn), "logistics"},
     {B(kDeliveryOpenEs), B(kDeliveryDetailEs), B(kDeliveryNoteEs),
      B(kDeliveryRefEs), B(kDeliveryFixEs), "el equipo de logística"}},
    {{B(kOutageOpenEn), B(kOutageDetailEn), B(kOutageNoteEn), B(kOutageRefEn),
      B(kOutageFixEn), "network"},
     {B(kOutageOpenEs), B(kOutageDetailEs), B(kOutageNoteEs), B(kOutageRefEs),
      B(kOutageFixEs), "el equipo de red"}},
    {{B(kCancelOpenEn), B(kCancelDetailEn), B(kCancelNoteEn), B(kCancelRefEn),
      B(kCancelFixEn), "accounts"},
     {B(kCancelOpenEs), B(kCancelDetailEs), B(kCancelNoteEs), B(kCancelRefEs),
      B(kCancelFixEs), "el área de cuentas"}},
    {{B(kPlanOpenEn), B(kPlanDetailEn), B(kPlanNoteEn), B(kPlanRefEn),
      B(kPlanFixEn), "sales"},
     {B(kPlanOpenEs), B(kPlanDetailEs), B(kPlanNoteEs), B(kPlanRefEs),
      B(kPlanFixEs), "el área comercial"}},
    {{B(kLoginOpenEn), B(kLoginDetailEn), B(kLoginNoteEn), B(kLoginRefEn),
      B(kLoginFixEn), "security"},
     {B(kLoginOpenEs), B(kLoginDetailEs), B(kLoginNoteEs), B(kLoginRefEs),
      B(kLoginFixEs), "el equipo de seguridad"}},
    {{B(kDeviceOpenEn), B(kDeviceDetailEn), B(kDeviceNoteEn), B(kDeviceRefEn),
      B(kDeviceFixEn), "technical support"},
     {B(kDeviceOpenEs), B(kDeviceDetailEs), B(kDeviceNoteEs), B(kDeviceRefEs),
      B(kDeviceFixEs), "soporte técnico"}},
    {{B(kVisitOpenEn), B(kVisitDetailEn), B(kVisitNoteEn), B(kVisitRefEn),
      B(kVisitFixEn), "field services"},
     {B(kVisitOpenEs), B(kVisitDetailEs), B(kVisitNoteEs), B(kVisitRefEs),
      B(kVisitFixEs), "servicio técnico"}},
    {{B(kPayOpenEn), B(kPayDetailEn), B(kPayNoteEn), B(kPayRefEn), B(kPayFixEn),
      "payments"},
     {B(kPayOpenEs), B(kPayDetailEs), B(kPayNoteEs), B(kPayRefEs), B(kPayFixEs),
      "el área de pagos"}},
};

// ---------------------------------------------------------------------------
// English, not tied to a matter.
constexpr std::string_view kGreetEn[] = {
    "Hi",           "Hello",          "Hey",           "Hi there",
    "Good morning", "Good afternoon", "Hello {brand}", "Evening"};
constexpr std::string_view kFeelingEn[] = {
    "This is really frustrating.",
    "Not happy at all.",
    "I've been a loyal customer for years.",
    "Honestly fed up.",
    "Please sort this out.",
    "This is ridiculous.",
    "I need this fixed today.",
    "Very disappointed."};
constexpr std::string_view kAskEn[] = {"Can someone help?",
                                       "What's going on?",
                                       "Please fix this.",
                                       "Can you look into it?",
                                       "Who can I talk to about this?",
                                       "Please advise.",
                                       "Can anyone help me?",
                                       "What are my options?"};
constexpr std::string_view kFollowEn[] = {
    "Following up on this.",
    "Any update?",
    "Still waiting on an answer.",
    "Me again.",
    "Writing again because nobody got back to me.",
    "It's been {days} and nothing.",
    "Second message about this.",
    "Hello? Still no reply.",
    "Just checking on this again.",
    "I'm still waiting to hear back.",
    "Chasing this up."};
constexpr std::string_view kSwitchEn[] = {
    "I already wrote to you on {prev} about this.",
    "I reported this on {prev} and got no answer.",
    "Tried {prev} first, nobody answered.",
    "Same issue I sent you on {prev}.",
    "Continuing from my {prev} message.",
    "I was told on {prev} someone would contact me.",
    "Reaching out here since {prev} didn't work."};
constexpr std::string_view kCalledBeforeEn[] = {
    "I called about this {when_past} and nothing changed.",
    "Called you {when_past}, still not fixed.",
    "I already phoned about this {when_past}.",
    "Spoke to someone on the phone {when_past} about this."};
constexpr std::string_view kChaserEn[] = {"Any news on {ref}?",
                                          "What's happening with {ref}?",
                                          "Is anyone looking at {ref}?",
                                          "Still waiting on {ref}.",
                                          "Can I get an update on {ref}?",
                                          "Nothing has changed with {ref}."};
constexpr std::string_view kMoreEn[] = {"Hello??",
                                        "Anyone there?",
                                        "Also: {detail}",
                                        "Forgot to say: {detail}",
                                        "Still waiting...",
                                        "?",
                                        "Can someone answer please",
                                        "Really need help with this"};
constexpr std::string_view kDetailsIntroEn[] = {
    "Sure.",         "Here you go.",         "Ok, sent.", "Done.",
    "As requested:", "Here are my details.", "",          ""};
constexpr std::string_view kDetailsPlainEn[] = {
    "It's under my name, {fullname}.",
    "I'm the account holder.",
    "I sent a screenshot.",
    "Same details as always.",
    "It's the main line on the account.",
    "Let me know what else you need."};
constexpr std::string_view kChatLineEn[] = {
    "{detail}",
    "ok",
    "Yes, that's right.",
    "I already tried that.",
    "It still says the same.",
    "How long will it take?",
    "Thanks, I'll wait.",
    "Is there anything else you need from me?"};
constexpr std::string_view kThanksEn[] = {"Thanks, it works now!",
                                          "Great, that did it. Thank you.",
                                          "Perfect, thanks for the help.",
                                          "Ok thanks.",
                                          "Confirmed, all good now.",
                                          "Thank you {agent}!",
                                          "Finally, thanks."};
constexpr std::string_view kReopenEn[] = {
    "It's happening again.", "Still not fixed, same problem as before.",
    "You said this was solved but it isn't.", "The problem is back.",
    "Back to square one."};
constexpr std::string_view kMentionEmailEn[] = {
    "My email is {v}.",    "You can reach me at {v}.",
    "Email: {v}",          "The account email is {v}.",
    "Write to me at {v}.", "I also emailed you from {v}."};
constexpr std::string_view kMentionPhoneEn[] = {
    "My number is {v}.",
    "Call me on {v}.",
    "Phone: {v}",
    "You can reach me at {v}.",
    "The number on the account is {v}.",
    "I called from {v}."};
constexpr std::string_view kMentionTwitterEn[] = {
    "I also tweeted you from {v}.", "My Twitter is {v}.",
    "I'm {v} on Twitter."};
constexpr std::string_view kMentionInstagramEn[] = {
    "My Instagram is {v}.", "I messaged you on Instagram as {v}."};
constexpr std::string_view kMentionAccountEn[] = {
    "Account number {v}.", "My account is {v}.", "Acct {v}",
    "The account is {v}."};
constexpr std::string_view kHotlineEn[] = {
    "I already called {hotline} twice.",
    "Called {hotline} and waited 40 minutes.",
    "{hotline} keeps hanging up on me.",
    "Your number {hotline} is useless.",
    "I rang {hotline} this morning and got nowhere.",
    "Nobody picks up at {hotline}."};
constexpr std::string_view kBrandEmailEn[] = {
    "I also wrote to {brand_email} with no answer.",
    "Emailed {brand_email} last week, nothing."};
constexpr std::string_view kBrandTagEndEn[] = {
    "@{brand_twitter}", "cc @{brand_twitter}", "@{brand_twitter} help"};
constexpr std::string_view kOutageOpenWaveEn[] = {
    "Is there an outage in {city}? Internet is completely down",
    "No internet since {clock}, is it just me?",
    "Everything is down. Can't work from home like this",
    "My whole street has no service",
    "Internet and TV both dead right now",
    "No signal at all on my phone, is the network down?",
    "Down again?! Seriously",
    "Service out in {city} for {hours} hours now",
    "Is {brand} down? Nothing connects",
    "Router light is red and nothing loads",
    "Lost connection about an hour ago, any ETA?",
    "Zero bars and no wifi, what's going on"};
constexpr std::string_view kOutageFollowEn[] = {
    "Still down here.", "Any update? Still nothing in {city}.",
    "It's been {hours} hours.", "Still no service.", "When will it be back?"};
constexpr std::string_view kOutageNoteWaveEn[] = {
    "no service, area outage in {city}", "internet down, known outage",
    "no signal, network incident"};
constexpr std::string_view kVoicemailEn[] = {
    "Voicemail: Hi, it's {first}. {problem}. Please call me back.",
    "Voicemail from {first}: {problem}. Call back please.", "VM: {problem}.",
    "Voicemail: {problem}. I'll try again later."};
constexpr std::string_view kEmailGreetingEn[] = {"Hi,",
                                                 "Hello,",
                                                 "Dear {brand} team,",
                                                 "To whom it may concern,",
                                                 "Hi {brand} support,",
                                                 "Good morning,"};
constexpr std::string_view kEmailSignoffEn[] = {
    "Thanks,\n{first}", "Regards,\n{fullname}", "Best,\n{first}",
    "{first}",          "Sent from my iPhone",  "Thank you,\n{fullname}",
    "Cheers,\n{first}"};
constexpr std::string_view kEmailQuoteEn[] = {
    "On {date}, {brand} Support <{brand_email}> wrote:",
    "-----Original Message-----\nFrom: {brand} Support <{brand_email}>"};
constexpr std::string_view kAckEn[] = {
    "Thanks for reaching out{, name}. Let me look into this.",
    "Sorry to hear that{, name}. We're on it.",
    "Thanks for letting us know, we're checking now.",
    "We're sorry about this. Let us see what happened.",
    "Hi{ name}, thanks for your message. Looking into it now."};
constexpr std::string_view kAskDmEn[] = {
    "Sorry about this! Please send us a DM with your account number and "
    "we'll take a look.",
    "We'd like to help. Could you DM us the email on your account?",
    "Please send us a private message with your details and we'll check "
    "right away.",
    "Let's take this to DM so we can look at your account. Please don't post "
    "personal details here.",
    "Hi{ name}, please DM us so we can review this privately."};
constexpr std::string_view kAskDetailsEn[] = {
    "Could you confirm the email or phone number on your account?",
    "Please send your account number so I can check.",
    "Could you send a screenshot of the error?",
    "To verify the account, what's the full name and phone number on it?",
    "Can you tell me the email you registered with?"};
constexpr std::string_view kAskOrderEn[] = {
    "Can you share the order number?",
    "Could you send the order number and the email you ordered with?"};
constexpr std::string_view kWorkingEn[] = {
    "Thanks, I've passed this to the {team} team. We'll update you within "
    "24 hours.",
    "We're looking into it and will get back to you shortly.",
    "I've raised this with {team}; you'll hear from us soon.",
    "Thanks for the details. This needs a check from {team}, we'll be in "
    "touch."};
constexpr std::string_view kEscalatedEn[] = {
    "I've escalated this to a specialist; they'll contact you within 48 "
    "hours.",
    "This has gone to our {team} specialists as a priority.",
    "I've opened a priority case with {team}; expect a call within 2 "
    "business days."};
constexpr std::string_view kTicketEn[] = {"Your reference is {ticket}.",
                                          "Reference: {ticket}",
                                          "Ticket {ticket} has been created."};
constexpr std::string_view kPrivacyEn[] = {
    "Please delete the post with your email address, for your own privacy. "
    "We've noted it and will DM you.",
    "For your security, please remove the post with your personal details "
    "and send us a DM instead."};
constexpr std::string_view kGreetingEn[] = {
    "Hi {name}, I'm {agent}. How can I help today?",
    "Thanks for waiting! {agent} here, let me read your message.",
    "Hello, you're chatting with {agent}. One moment while I check."};
constexpr std::string_view kClosingEn[] = {"Anything else we can help with?",
                                           "Have a great day!",
                                           "Thanks for your patience.", "", ""};
constexpr std::string_view kOutageAwareEn[] = {
    "We're aware of an outage affecting {city} and our engineers are working "
    "on it. Sorry for the trouble.",
    "There's a known network issue in your area; we'll update you as soon "
    "as it's fixed.",
    "Thanks for letting us know. We have a service interruption in {city} "
    "and teams on site.",
    "Sorry about this! An outage is affecting some customers; we expect a "
    "fix within a few hours."};
constexpr std::string_view kOutageRestoredEn[] = {
    "Service is restored in your area. If you still have problems, restart "
    "your router.",
    "Good news: the outage is fixed and everything should be back online.",
    "The network is back to normal. Sorry again for the disruption."};
constexpr std::string_view kAgentHotlineEn[] = {
    "You can also call us on {hotline}.",
    "If it's urgent, our line is {hotline}."};
constexpr std::string_view kMaskedEn[] = {
    "A confirmation went to {masked_email}.",
    "We've texted the number ending in {last4}."};
constexpr std::string_view kAgentEmailOpenEn[] = {"Hi {name},", "Hello {name},",
                                                  "Dear {name},"};
constexpr std::string_view kAgentEmailCloseEn[] = {
    "Best regards,\n{agent}\n{brand} Support", "Kind regards,\n{agent}",
    "Thanks,\n{agent} | {brand} Customer Care"};
constexpr std::string_view kCallerEn[] = {"Customer", "Caller", "Cust",
                                          "Client"};
constexpr std::string_view kCallOpenEn[] = {
    "{caller} called re {note}. {action} {outcome}",
    "Inbound call: {note}. {action} {outcome}",
    "{caller} reports {note}. {action} {outcome}",
    "Call re {note}. {outcome}",
    "{caller} says {problem_lc}. {action} {outcome}",
    "{caller}: \"{problem}\" {action} {outcome}"};
constexpr std::string_view kCallAgainEn[] = {
    "{caller} calling again re {note}. {action} {outcome}",
    "Called back in: {problem_lc}. {outcome}",
    "2nd call about {note}. {outcome}", "Repeat caller: {note}. {outcome}",
    "Follow-up call, {note}. {action} {outcome}"};
constexpr std::string_view kCallSwitchEn[] = {
    "{caller} already contacted us on {prev}: {note}. {outcome}",
    "{caller} says wrote on {prev} with no reply; {note}. {action} {outcome}"};
constexpr std::string_view kCallActionEn[] = {"Verified account.",
                                              "ID&V passed.",
                                              "Checked account history.",
                                              "Read the notes on the account.",
                                              "",
                                              ""};
constexpr std::string_view kCallFixedEn[] = {"Resolved on call.",
                                             "Fixed while on the line.",
                                             "Customer happy, closing."};
constexpr std::string_view kCallPendingEn[] = {
    "Raised ticket.", "Sent to {team}.", "Promised a callback.",
    "Advised to wait 24h.", "Customer not satisfied, escalated."};
constexpr std::string_view kCallOutageEn[] = {
    "Informed of the outage and the ETA.",
    "Known incident, customer told we're working on it."};
constexpr std::string_view kCallbackEn[] = {
    "Called customer back re {note}. {outcome}",
    "Returned call about {note}; {outcome}", "Callback: {note}. {outcome}"};
constexpr std::string_view kCallbackFixedEn[] = {
    "Resolved on the call.", "Fixed, customer confirmed.", "Issue resolved."};
constexpr std::string_view kCallbackPendingEn[] = {"No answer, left voicemail.",
                                                   "Explained next steps.",
                                                   "Escalated to {team}."};
constexpr std::string_view kTranscriptEn[] = {
    "Customer: {problem}. Agent: let me check that for you.",
    "[transcript] Caller: {problem}. Agent: I understand, one moment."};
constexpr std::string_view kWhenEn[] = {
    "since this morning", "since last night", "since {weekday}",
    "for two days",       "all week",         "since yesterday"};
constexpr std::string_view kWhenPastEn[] = {
    "yesterday", "this morning", "last week", "twice", "on {weekday}"};
constexpr std::string_view kWeekdayEn[] = {"Monday",   "Tuesday", "Wednesday",
                                           "Thursday", "Friday",  "Saturday",
                                           "Sunday"};
constexpr std::string_view kMonthEn[] = {"December", "November", "October",
                                         "January", "September"};
constexpr std::string_view kItemEn[] = {"headphones", "phone case", "router",
                                        "charger",    "smartwatch", "speaker",
                                        "tablet",     "cable kit"};
constexpr std::string_view kDeviceEn[] = {
    "router", "modem",         "phone",     "tablet",
    "TV box", "wifi extender", "smartwatch"};
constexpr std::string_view kPlanEn[] = {"Fibre 300",      "Fibre 1 Giga",
                                        "Unlimited Plus", "Family 4 lines",
                                        "Basic 100",      "Prepaid 15GB"};
constexpr std::string_view kCountEn[] = {"two", "three", "four", "2", "3", "5"};
constexpr std::string_view kNthEn[] = {"second", "third", "fourth", "3rd",
                                       "2nd"};
constexpr std::string_view kEmoji[] = {"😡",    "🙄", "😤", "🙏", "😩",
                                       "🤦", "👎",    "😢", "😠", "🤬"};

constexpr std::string_view kEsCities[] = {"Madrid",  "Barcelona", "Valencia",
                                          "Sevilla", "Zaragoza",  "Bilbao",
                                          "Málaga",  "Murcia"};
constexpr std::string_view kCoCities[] = {
    "Bogotá",      "Medellín", "Cali",     "Barranquilla",
    "Bucaramanga", "Pereira",  "Cartagena"};
constexpr std::string_view kMxCities[] = {"CDMX",   "Guadalajara", "Monterrey",
                                          "Puebla", "Querétaro",   "Tijuana",
                                          "Mérida"};
constexpr std::string_view kUsCities[] = {
    "Chicago", "Houston", "Brooklyn", "Miami",   "Austin",
    "Seattle", "Phoenix", "Denver",   "Atlanta", "San Diego"};

// ---------------------------------------------------------------------------
// Spanish, not tied to a matter.
constexpr std::string_view kGreetEs[] = {
    "Hola",         "Buenas",   "Buenos días",  "Buenas tardes",
    "Hola {brand}", "Buen día", "Buenas noches"};
constexpr std::string_view kFeelingEs[] = {
    "Esto es muy frustrante.",       "Estoy muy molest{o_a}.",
    "Llevo años como cliente.",      "Ya me cansé.",
    "Por favor solucionen esto.",    "Qué falta de seriedad.",
    "Necesito que lo arreglen hoy.", "Qué decepción."};
constexpr std::string_view kAskEs[] = {
    "¿Alguien me ayuda?",          "¿Qué está pasando?",
    "Por favor solucionen.",       "¿Me pueden revisar?",
    "¿Con quién hablo para esto?", "Quedo atent{o_a}.",
    "¿Me ayudan por favor?",       "¿Qué opciones tengo?"};
constexpr std::string_view kFollowEs[] = {
    "Sigo esperando respuesta.",
    "¿Alguna novedad?",
    "Otra vez yo.",
    "Les escribo de nuevo porque nadie me respondió.",
    "Ya van {days} y nada.",
    "Segundo mensaje por lo mismo.",
    "¿Hola? Sigo sin respuesta.",
    "Vuelvo a preguntar por esto.",
    "Sigo pendiente de esto.",
    "Insisto con este tema."};
constexpr std::string_view kSwitchEs[] = {
    "Ya les había escrito por {prev} por esto.",
    "Lo reporté por {prev} y no me respondieron.",
    "Primero intenté por {prev} y nadie contestó.",
    "Es lo mismo que les mandé por {prev}.",
    "Sigo con lo que les escribí por {prev}.",
    "Por {prev} me dijeron que me iban a contactar.",
    "Les escribo por aquí porque por {prev} no me resolvieron."};
constexpr std::string_view kCalledBeforeEs[] = {
    "Ya llamé por esto {when_past} y nada.",
    "Los llamé {when_past} y sigue igual.",
    "Ya había llamado {when_past} por lo mismo.",
    "Hablé por teléfono {when_past} con alguien de ustedes."};
constexpr std::string_view kChaserEs[] = {
    "¿Alguna novedad con {ref}?",     "¿Qué pasó con {ref}?",
    "¿Alguien está revisando {ref}?", "Sigo esperando lo de {ref}.",
    "¿Me dan razón de {ref}?",        "Nada que se soluciona {ref}."};
constexpr std::string_view kMoreEs[] = {"¿Hola??",
                                        "¿Hay alguien?",
                                        "Además: {detail}",
                                        "Se me olvidó decir: {detail}",
                                        "Sigo esperando...",
                                        "¿?",
                                        "¿Alguien me responde?",
                                        "De verdad necesito ayuda con esto"};
constexpr std::string_view kDetailsIntroEs[] = {
    "Claro.", "Listo.", "Va.", "Aquí están mis datos.", "Como me pidieron:",
    "",       ""};
constexpr std::string_view kDetailsPlainEs[] = {
    "Está a mi nombre, {fullname}.",       "Soy el titular.",
    "Les mandé captura de pantalla.",      "Los mismos datos de siempre.",
    "Es la línea principal de la cuenta.", "Me dicen si necesitan algo más."};
constexpr std::string_view kChatLineEs[] = {"{detail}",
                                            "ok",
                                            "Sí, así es.",
                                            "Eso ya lo intenté.",
                                            "Sigue saliendo lo mismo.",
                                            "¿Cuánto se demora?",
                                            "Gracias, espero.",
                                            "¿Necesitan algo más de mi parte?"};
constexpr std::string_view kThanksEs[] = {"¡Gracias, ya funciona!",
                                          "Listo, muchas gracias.",
                                          "Perfecto, gracias por la ayuda.",
                                          "Ok gracias.",
                                          "Confirmado, ya todo bien.",
                                          "¡Gracias {agent}!",
                                          "Por fin, gracias."};
constexpr std::string_view kReopenEs[] = {
    "Volvió a pasar.", "Sigue igual, no quedó resuelto.",
    "Me dijeron que estaba solucionado y no.", "Regresó el problema.",
    "Estamos igual que antes."};
constexpr std::string_view kMentionEmailEs[] = {
    "Mi correo es {v}.", "Me pueden escribir a {v}.", "Correo: {v}",
    "El correo de la cuenta es {v}.", "También les escribí desde {v}."};
constexpr std::string_view kMentionPhoneEs[] = {
    "Mi número es {v}.",
    "Llámenme al {v}.",
    "{Cel}: {v}",
    "Me pueden llamar al {v}.",
    "El número de la cuenta es {v}.",
    "Los llamé desde el {v}."};
constexpr std::string_view kMentionTwitterEs[] = {
    "También les escribí por Twitter desde {v}.", "Mi Twitter es {v}.",
    "En Twitter soy {v}."};
constexpr std::string_view kMentionInstagramEs[] = {
    "Mi Instagram es {v}.", "Les escribí por Instagram como {v}."};
constexpr std::string_view kMentionAccountEs[] = {
    "Número de cuenta {v}.", "Mi cuenta es la {v}.", "Cuenta {v}",
    "La cuenta es {v}."};
constexpr std::string_view kHotlineEs[] = {
    "Ya llamé al {hotline} dos veces.",
    "Llamé al {hotline} y esperé 40 minutos.",
    "En el {hotline} me cuelgan.",
    "El {hotline} no sirve para nada.",
    "Marqué al {hotline} esta mañana y nada.",
    "En el {hotline} nadie contesta."};
constexpr std::string_view kBrandEmailEs[] = {
    "También escribí a {brand_email} y nada.",
    "Mandé correo a {brand_email} la semana pasada, sin respuesta."};
constexpr std::string_view kOutageOpenWaveEs[] = {
    "¿Hay una caída en {city}? No tengo nada de internet",
    "Sin internet desde las {clock}, ¿solo a mí?",
    "Se cayó todo. Así no se puede teletrabajar",
    "Todo el barrio está sin servicio",
    "Sin internet ni televisión ahora mismo",
    "No tengo señal en el {cel}, ¿se cayó la red?",
    "¿Otra vez caídos? En serio",
    "Llevamos {hours} horas sin servicio en {city}",
    "¿Se cayó {brand}? No conecta nada",
    "La luz del router está en rojo y no carga nada",
    "Se fue la conexión hace como una hora, ¿para cuándo vuelve?",
    "Sin barras y sin wifi, ¿qué está pasando?"};
constexpr std::string_view kOutageFollowEs[] = {
    "Sigue caído.", "¿Alguna novedad? Aquí en {city} sigue sin funcionar.",
    "Ya van {hours} horas.", "Seguimos sin servicio.", "¿Para cuándo vuelve?"};
constexpr std::string_view kOutageNoteWaveEs[] = {
    "sin servicio, caída en la zona de {city}",
    "sin internet, falla masiva conocida", "sin señal, incidente de red"};
constexpr std::string_view kVoicemailEs[] = {
    "Buzón de voz: Hola, habla {first}. {problem}. Por favor devuélvanme la "
    "llamada.",
    "Mensaje de voz de {first}: {problem}. Que me llamen por favor.",
    "Buzón: {problem}.", "Mensaje de voz: {problem}. Vuelvo a llamar luego."};
constexpr std::string_view kEmailGreetingEs[] = {
    "Hola,",          "Buenos días,",   "Estimados:", "Señores {brand}:",
    "Buenas tardes,", "Cordial saludo,"};
constexpr std::string_view kEmailSignoffEs[] = {
    "Gracias,\n{first}",         "Saludos,\n{fullname}",
    "Cordialmente,\n{fullname}", "{first}",
    "Enviado desde mi iPhone",   "Enviado desde mi Samsung Galaxy",
    "Un saludo,\n{first}"};
constexpr std::string_view kEmailQuoteEs[] = {
    "El {date}, Soporte {brand} <{brand_email}> escribió:",
    "-----Mensaje original-----\nDe: Soporte {brand} <{brand_email}>"};
constexpr std::string_view kAckEs[] = {
    "Gracias por escribirnos{, name}. Ya lo revisamos.",
    "Lamentamos lo ocurrido{, name}. Estamos en eso.",
    "Gracias por avisarnos, lo estamos revisando.",
    "Qué pena lo sucedido. Déjanos ver qué pasó.",
    "Hola{ name}, gracias por tu mensaje. Ya lo estamos mirando."};
constexpr std::string_view kAskDmEs[] = {
    "¡Qué pena! Envíanos un mensaje privado con tu número de cuenta y lo "
    "revisamos.",
    "Queremos ayudarte. ¿Nos escribes por DM el correo de tu cuenta?",
    "Escríbenos por privado con tus datos y lo revisamos de inmediato.",
    "Sigamos por mensaje privado para revisar tu cuenta. Por favor no "
    "publiques datos personales aquí.",
    "Hola{ name}, escríbenos por DM para revisarlo en privado."};
constexpr std::string_view kAskDetailsEs[] = {
    "¿Nos confirmas el correo o el número de la cuenta?",
    "Envíanos tu número de cuenta para revisar.",
    "¿Nos mandas una captura del error?",
    "Para validar la cuenta, ¿a nombre de quién está y qué número tiene?",
    "¿Con qué correo te registraste?"};
constexpr std::string_view kAskOrderEs[] = {
    "¿Nos compartes el número de pedido?",
    "¿Nos envías el número de pedido y el correo con el que compraste?"};
constexpr std::string_view kWorkingEs[] = {
    "Gracias, ya lo pasé a {team}. Te damos respuesta en 24 horas.",
    "Lo estamos revisando y te contamos pronto.",
    "Lo escalé con {team}; pronto te contactamos.",
    "Gracias por los datos. Esto lo tiene que revisar {team}, te "
    "escribimos."};
constexpr std::string_view kEscalatedEs[] = {
    "Lo escalamos a un especialista; te contacta en máximo 48 horas.",
    "Tu caso pasó a {team} con prioridad.",
    "Abrimos un caso prioritario con {team}; te llaman en 2 días hábiles."};
constexpr std::string_view kTicketEs[] = {"Tu número de caso es {ticket}.",
                                          "Referencia: {ticket}",
                                          "Creamos el caso {ticket}."};
constexpr std::string_view kPrivacyEs[] = {
    "Por tu seguridad, borra la publicación con tu correo. Ya lo anotamos y "
    "te escribimos por DM.",
    "Por favor elimina la publicación con tus datos personales y escríbenos "
    "por mensaje privado."};
constexpr std::string_view kGreetingEs[] = {
    "Hola {name}, soy {agent}. ¿En qué te puedo ayudar?",
    "¡Gracias por esperar! Te habla {agent}, déjame leer tu mensaje.",
    "Hola, te atiende {agent}. Dame un momento mientras reviso."};
constexpr std::string_view kClosingEs[] = {"¿Te podemos ayudar en algo más?",
                                           "¡Que tengas un buen día!",
                                           "Gracias por tu paciencia.", "", ""};
constexpr std::string_view kOutageAwareEs[] = {
    "Estamos al tanto de una falla que afecta {city} y nuestros técnicos ya "
    "están trabajando. Disculpa las molestias.",
    "Hay una falla conocida en tu zona; te avisamos apenas se solucione.",
    "Gracias por avisar. Tenemos una interrupción del servicio en {city} y "
    "el equipo ya está en el sitio.",
    "¡Lo sentimos! Una falla está afectando a algunos clientes; esperamos "
    "solucionarla en pocas horas."};
constexpr std::string_view kOutageRestoredEs[] = {
    "El servicio ya se restableció en tu zona. Si sigues con problemas, "
    "reinicia el router.",
    "Buenas noticias: la falla quedó resuelta y todo debería funcionar.",
    "La red ya está normal. Disculpa de nuevo las molestias."};
constexpr std::string_view kAgentHotlineEs[] = {
    "También puedes llamarnos al {hotline}.",
    "Si es urgente, nuestra línea es {hotline}."};
constexpr std::string_view kMaskedEs[] = {
    "Enviamos la confirmación a {masked_email}.",
    "Te mandamos un SMS al número terminado en {last4}."};
constexpr std::string_view kAgentEmailOpenEs[] = {
    "Hola {name},", "Buen día {name},", "Estimad{o_a} {name}:"};
constexpr std::string_view kAgentEmailCloseEs[] = {
    "Saludos,\n{agent}\nSoporte {brand}", "Cordialmente,\n{agent}",
    "Gracias,\n{agent} | Atención al cliente {brand}"};
constexpr std::string_view kCallerEs[] = {"Cliente", "Usuari{o_a}", "Titular",
                                          "Cliente"};
constexpr std::string_view kCallOpenEs[] = {
    "{caller} llama por {note}. {action} {outcome}",
    "Llamada entrante: {note}. {action} {outcome}",
    "{caller} reporta {note}. {action} {outcome}",
    "Llamada por {note}. {outcome}",
    "{caller} dice: {problem_lc}. {action} {outcome}",
    "{caller}: \"{problem}\" {action} {outcome}"};
constexpr std::string_view kCallAgainEs[] = {
    "{caller} vuelve a llamar por {note}. {action} {outcome}",
    "Vuelve a llamar, sigue igual: {problem_lc}. {outcome}",
    "Segunda llamada por {note}. {outcome}", "Rellamada: {note}. {outcome}",
    "Llamada de seguimiento, {note}. {action} {outcome}"};
constexpr std::string_view kCallSwitchEs[] = {
    "{caller} ya había contactado por {prev}: {note}. {outcome}",
    "{caller} dice que escribió por {prev} sin respuesta; {note}. {action} "
    "{outcome}"};
constexpr std::string_view kCallActionEs[] = {
    "Se validó la cuenta.",
    "Se verificó identidad.",
    "Se revisó el historial.",
    "Se revisaron las notas de la cuenta.",
    "",
    ""};
constexpr std::string_view kCallFixedEs[] = {"Resuelto en la llamada.",
                                             "Se solucionó en línea.",
                                             "Cliente conforme, se cierra."};
constexpr std::string_view kCallPendingEs[] = {
    "Se abrió caso.", "Se envía a {team}.", "Se promete devolver la llamada.",
    "Se pide esperar 24 h.", "Cliente inconforme, se escala."};
constexpr std::string_view kCallOutageEs[] = {
    "Se informa la falla y el tiempo estimado.",
    "Incidente conocido, se le dice que estamos trabajando."};
constexpr std::string_view kCallbackEs[] = {
    "Devolví la llamada por {note}. {outcome}",
    "Llamada de retorno: {note}. {outcome}",
    "Se llama al cliente por {note}; {outcome}"};
constexpr std::string_view kCallbackFixedEs[] = {
    "Resuelto en la llamada.", "Solucionado, cliente confirma.",
    "Caso resuelto."};
constexpr std::string_view kCallbackPendingEs[] = {
    "No contestó, se dejó mensaje.", "Se explicaron los siguientes pasos.",
    "Escalado a {team}."};
constexpr std::string_view kTranscriptEs[] = {
    "Cliente: {problem}. Agente: déjeme revisar.",
    "[transcripción] Cliente: {problem}. Agente: entiendo, un momento."};
constexpr std::string_view kWhenEs[] = {"desde esta mañana",  "desde anoche",
                                        "desde el {weekday}", "hace dos días",
                                        "toda la semana",     "desde ayer"};
constexpr std::string_view kWhenPastEs[] = {
    "ayer", "esta mañana", "la semana pasada", "dos veces", "el {weekday}"};
constexpr std::string_view kWeekdayEs[] = {
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"};
constexpr std::string_view kMonthEs[] = {"diciembre", "noviembre", "octubre",
                                         "enero", "septiembre"};
constexpr std::string_view kItemEs[] = {"audífonos", "estuche",      "router",
                                        "cargador",  "reloj",        "parlante",
                                        "tablet",    "kit de cables"};
constexpr std::string_view kDeviceEs[] = {
    "router",        "módem",          "celular", "tablet",
    "decodificador", "repetidor wifi", "reloj"};
constexpr std::string_view kPlanEs[] = {"Fibra 300",      "Fibra 1 Giga",
                                        "Ilimitado Plus", "Familiar 4 líneas",
                                        "Hogar Básico",   "Prepago 15GB"};
constexpr std::string_view kCountEs[] = {"dos", "tres", "cuatro",
                                         "2",   "3",    "5"};
constexpr std::string_view kNthEs[] = {"segunda", "tercera", "cuarta", "3a"};

constexpr Phrases MakeEnglish() {
  Phrases p{};
  p.greet = B(kGreetEn);
  p.feeling = B(kFeelingEn);
  p.ask = B(kAskEn);
  p.follow = B(kFollowEn);
  p.switch_to = B(kSwitchEn);
  p.called_before = B(kCalledBeforeEn);
  p.chaser = B(kChaserEn);
  p.more = B(kMoreEn);
  p.details_intro = B(kDetailsIntroEn);
  p.details_plain = B(kDetailsPlainEn);
  p.chat_line = B(kChatLineEn);
  p.thanks = B(kThanksEn);
  p.reopen = B(kReopenEn);
  p.mention_email = B(kMentionEmailEn);
  p.mention_phone = B(kMentionPhoneEn);
  p.mention_twitter = B(kMentionTwitterEn);
  p.mention_instagram = B(kMentionInstagramEn);
  p.mention_account = B(kMentionAccountEn);
  p.hotline = B(kHotlineEn);
  p.brand_email = B(kBrandEmailEn);
  p.brand_tag_end = B(kBrandTagEndEn);
  p.outage_open = B(kOutageOpenWaveEn);
  p.outage_follow = B(kOutageFollowEn);
  p.outage_note = B(kOutageNoteWaveEn);
  p.voicemail = B(kVoicemailEn);
  p.email_greeting = B(kEmailGreetingEn);
  p.email_signoff = B(kEmailSignoffEn);
  p.email_quote = B(kEmailQuoteEn);
  p.ack = B(kAckEn);
  p.ask_dm = B(kAskDmEn);
  p.ask_details = B(kAskDetailsEn);
  p.ask_order = B(kAskOrderEn);
  p.working = B(kWorkingEn);
  p.escalated = B(kEscalatedEn);
  p.ticket = B(kTicketEn);
  p.privacy = B(kPrivacyEn);
  p.greeting = B(kGreetingEn);
  p.closing = B(kClosingEn);
  p.outage_aware = B(kOutageAwareEn);
  p.outage_restored = B(kOutageRestoredEn);
  p.agent_hotline = B(kAgentHotlineEn);
  p.masked_confirmation = B(kMaskedEn);
  p.agent_email_open = B(kAgentEmailOpenEn);
  p.agent_email_close = B(kAgentEmailCloseEn);
  p.caller = B(kCallerEn);
  p.call_open = B(kCallOpenEn);
  p.call_again = B(kCallAgainEn);
  p.call_switch = B(kCallSwitchEn);
  p.call_action = B(kCallActionEn);
  p.call_fixed = B(kCallFixedEn);
  p.call_pending = B(kCallPendingEn);
  p.call_outage = B(kCallOutageEn);
  p.callback = B(kCallbackEn);
  p.callback_fixed = B(kCallbackFixedEn);
  p.callback_pending = B(kCallbackPendingEn);
  p.transcript = B(kTranscriptEn);
  p.when = B(kWhenEn);
  p.when_past = B(kWhenPastEn);
  p.weekday = B(kWeekdayEn);
  p.month = B(kMonthEn);
  p.item = B(kItemEn);
  p.device = B(kDeviceEn);
  p.plan = B(kPlanEn);
  p.count = B(kCountEn);
  p.nth = B(kNthEn);
  p.emoji = B(kEmoji);
  for (const char*& name : p.channel_name) name = "here";
  p.channel_name[static_cast<int>(Channel::kVoice)] = "the phone";
  p.channel_name[static_cast<int>(Channel::kSms)] = "text";
  p.channel_name[static_cast<int>(Channel::kEmail)] = "email";
  p.channel_name[static_cast<int>(Channel::kWebChat)] = "your website chat";
  p.channel_name[static_cast<int>(Channel::kTwitter)] = "Twitter";
  p.channel_name[static_cast<int>(Channel::kFacebook)] = "Facebook";
  p.channel_name[static_cast<int>(Channel::kInstagram)] = "Instagram";
  p.channel_name[static_cast<int>(Channel::kWhatsapp)] = "WhatsApp";
  p.channel_name[static_cast<int>(Channel::kWebForm)] = "your contact form";
  return p;
}

constexpr Phrases MakeSpanish() {
  Phrases p{};
  p.greet = B(kGreetEs);
  p.feeling = B(kFeelingEs);
  p.ask = B(kAskEs);
  p.follow = B(kFollowEs);
  p.switch_to = B(kSwitchEs);
  p.called_before = B(kCalledBeforeEs);
  p.chaser = B(kChaserEs);
  p.more = B(kMoreEs);
  p.details_intro = B(kDetailsIntroEs);
  p.details_plain = B(kDetailsPlainEs);
  p.chat_line = B(kChatLineEs);
  p.thanks = B(kThanksEs);
  p.reopen = B(kReopenEs);
  p.mention_email = B(kMentionEmailEs);
  p.mention_phone = B(kMentionPhoneEs);
  p.mention_twitter = B(kMentionTwitterEs);
  p.mention_instagram = B(kMentionInstagramEs);
  p.mention_account = B(kMentionAccountEs);
  p.hotline = B(kHotlineEs);
  p.brand_email = B(kBrandEmailEs);
  p.brand_tag_end = B(kBrandTagEndEn);
  p.outage_open = B(kOutageOpenWaveEs);
  p.outage_follow = B(kOutageFollowEs);
  p.outage_note = B(kOutageNoteWaveEs);
  p.voicemail = B(kVoicemailEs);
  p.email_greeting = B(kEmailGreetingEs);
  p.email_signoff = B(kEmailSignoffEs);
  p.email_quote = B(kEmailQuoteEs);
  p.ack = B(kAckEs);
  p.ask_dm = B(kAskDmEs);
  p.ask_details = B(kAskDetailsEs);
  p.ask_order = B(kAskOrderEs);
  p.working = B(kWorkingEs);
  p.escalated = B(kEscalatedEs);
  p.ticket = B(kTicketEs);
  p.privacy = B(kPrivacyEs);
  p.greeting = B(kGreetingEs);
  p.closing = B(kClosingEs);
  p.outage_aware = B(kOutageAwareEs);
  p.outage_restored = B(kOutageRestoredEs);
  p.agent_hotline = B(kAgentHotlineEs);
  p.masked_confirmation = B(kMaskedEs);
  p.agent_email_open = B(kAgentEmailOpenEs);
  p.agent_email_close = B(kAgentEmailCloseEs);
  p.caller = B(kCallerEs);
  p.call_open = B(kCallOpenEs);
  p.call_again = B(kCallAgainEs);
  p.call_switch = B(kCallSwitchEs);
  p.call_action = B(kCallActionEs);
  p.call_fixed = B(kCallFixedEs);
  p.call_pending = B(kCallPendingEs);
  p.call_outage = B(kCallOutageEs);
  p.callback = B(kCallbackEs);
  p.callback_fixed = B(kCallbackFixedEs);
  p.callback_pending = B(kCallbackPendingEs);
  p.transcript = B(kTranscriptEs);
  p.when = B(kWhenEs);
  p.when_past = B(kWhenPastEs);
  p.weekday = B(kWeekdayEs);
  p.month = B(kMonthEs);
  p.item = B(kItemEs);
  p.device = B(kDeviceEs);
  p.plan = B(kPlanEs);
  p.count = B(kCountEs);
  p.nth = B(kNthEs);
  p.emoji = B(kEmoji);
  for (const char*& name : p.channel_name) name = "aquí";
  p.channel_name[static_cast<int>(Channel::kVoice)] = "teléfono";
  p.channel_name[static_cast<int>(Channel::kSms)] = "mensaje de texto";
  p.channel_name[static_cast<int>(Channel::kEmail)] = "correo";
  p.channel_name[static_cast<int>(Channel::kWebChat)] = "el chat de la página";
  p.channel_name[static_cast<int>(Channel::kTwitter)] = "Twitter";
  p.channel_name[static_cast<int>(Channel::kFacebook)] = "Facebook";
  p.channel_name[static_cast<int>(Channel::kInstagram)] = "Instagram";
  p.channel_name[static_cast<int>(Channel::kWhatsapp)] = "WhatsApp";
  p.channel_name[static_cast<int>(Channel::kWebForm)] =
      "el formulario de la página";
  return p;
}

constexpr Phrases kEnglish = MakeEnglish();
constexpr Phrases kSpanish = MakeSpanish();

constexpr Bank kCities[kRegionCount] = {B(kUsCities), B(kCoCities),
                                        B(kMxCities), B(kEsCities)};

}  // namespace

const MatterBanks& MatterPhrases(Matter matter, Lang lang) {
  return kMatterBanks[static_cast<int>(matter)][static_cast<int>(lang)];
}

const Phrases& GenericPhrases(Lang lang) {
  return lang == Lang::kEn ? kEnglish : kSpanish;
}

const Bank& Cities(Region region) { return kCities[static_cast<int>(region)]; }

}  // namespace threadline::sim
