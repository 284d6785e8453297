// The matter lexicon: English and Spanish words, stems and phrases of
// customer care for a telecom and retail brand, weighted per topic.
//
// Written for breadth: inflections through stems, synonyms and regional
// variants (Spain and Latin America), and the common ways customers misspell
// or abbreviate. Where a word belongs to several matters ("charge": a bill or
// a battery; "paquete": a parcel or a bundle) it is weak on its own and a
// phrase settles it.
#include "text/topic_lexicon.h"

namespace threadline::text {

const char kTopicFillers[] =
    // English
    "a an the my our your his her their its this that these those me us i "
    "you u ur it we they there of for to is are was were be been being am "
    "has have had will would just also so really please pls plz "
    // Spanish
    "el la los las lo un una unos unas mi mis tu tus su sus nuestro nuestra "
    "nuestros nuestras de del al en con que me te se le les nos es son fue "
    "fueron esta estan este ese esa eso esto ha han he hemos habia habian "
    "hay por favor porfa muy";

const TopicLexiconGroup kTopicLexicon[] = {
    // ------------------------------------------------------------ billing
    {"billing", "en",
     "bill=2.5, bills=2.5, billing=3, billed=3, invoice*=3, statement=1.5, "
     "statements=1.5, overcharg*=4, over charged=4, over charging=4, "
     "double charged=4, double charge*=4, charged twice=4, charge twice=4, "
     "billed twice=4, charged double=4, charged two times=4, "
     "charged three times=4, duplicate charge*=4, extra charge*=3.5, "
     "hidden fee*=3.5, hidden charge*=3.5, unexpected charge*=3.5, "
     "charge=1.5, charges=2.5, charged=2.5, charging=1, "
     "charging too much=3.5, charging extra=3.5, charging twice=4, fee=2, "
     "fees=2.5, late fee*=3, surcharge*=3, higher than=1, too high=1, "
     "amount=1, wrong amount=3.5, incorrect amount=3.5, balance=1.5, owe=1.5, "
     "owed=1, debit=1, prorat*=3, pro rated=3, tax=1, taxes=1.2, vat=1, "
     "usage charge*=3, roaming charge*=3.5, data overage=3.5, overage*=3, "
     "itemized=2, breakdown=1, billing cycle=3.5, paperless=2, ebill=3, "
     "e bill=3, receipt*=1.5, price increase*=2.5, price went up=2.5, "
     "bill went up=3.5, went up=1, increased=1, dollars=0.7, bucks=0.7, "
     "pounds=0.5, euros=0.7, pesos=0.7, money taken=2.5, took money=2.5, "
     "monthly charge*=3, monthly fee*=3, service fee*=3, activation fee*=3, "
     "termination fee*=2, expensive=1, rip off=1.5, ripoff=1.5, "
     "ripped off=1.5, dispute=2, disputed=2, credit=0.8, credited=1.5, "
     "discrepancy=2.5, miscalculat*=3, invoic=3, invoise=3, bil=1.5, "
     "chargd=2.5, overchage=3.5, overcharche=3.5"},
    {"billing", "es",
     "factur*=3, cobr*=2.5, cobro doble=4, doble cobro=4, cobr* dos veces=4, "
     "cobr* doble=4, cobr* tres veces=4, cobr* mas=4, cobr* demas=4, "
     "cobro indebido=4, cobros indebidos=4, cobro extra=3.5, "
     "cobro excesivo=4, cargo=2, cargos=2.5, cargo extra=3.5, "
     "cargos extra=3.5, cargo adicional=3.5, cargos adicionales=3.5, "
     "recargo=3, recargos=3, extracto=2, estado cuenta=2.5, monto=1, "
     "importe=1.5, saldo=1.5, deuda=2, debo=1, cuota=1.5, cuotas=1, "
     "mensualidad*=2.5, factura subio=3.5, subio=1, subieron=1, aumento=1, "
     "aumentaron=1.5, impuesto*=1, iva=1, recibo=2, recibos=2, valor=0.8, "
     "cobran mas=3, me sale mas caro=2, caro=1, cara=0.5, costoso=1, "
     "pesos=0.7, euros=0.7, dolares=0.7, plata=0.7, soles=0.5, facturacion=3, "
     "facutra=3, fatura=2.5, cobrado de mas=4, prorrateo=3, consumo=1, "
     "consumos=1.5, sobrecargo=3.5, sobrecosto=3.5, descontaron=2, "
     "descuentan=2, diferencia=1, no corresponde=1.5, no reconozco=2, "
     "reclamo factura=3.5"},

    // ------------------------------------------------------ refund_return
    {"refund_return", "en",
     "refund*=4, refnd=3.5, refun=3.5, reimburs*=3.5, money back=4, "
     "return*=2.5, return label=3.5, return policy=3.5, return window=3.5, "
     "return shipping=3.5, send back=3, sent back=3, sending back=3, "
     "ship back=3, shipped back=3, mail back=3, exchange*=2, store credit=3, "
     "chargeback=3, charge back=3, rma=3, restocking=3, credit back=3, "
     "reversal=2, reverse=1, compensat*=1.5, pay back=2, paid back=2, "
     "give back=1.5, returnd=2.5, retrun*=2.5, reimbursment=3.5, refudn=3.5"},
    {"refund_return", "es",
     "reembols*=4, rembols*=3.5, reintegr*=3, devol*=3.5, devuelv*=3, "
     "devuelto=3, devuelta=2, dinero vuelta=3.5, devuelv* dinero=4, "
     "devolv* dinero=4, regres* producto=3, regresar=1, cambio producto=2.5, "
     "nota credito=2.5, reclamar dinero=3, dinero=0.7, plata=0.5, "
     "retracto=3.5, desistimiento=3, compensacion=1.5, indemniz*=2, "
     "reponer=1, rembolso=4, reenbolso=4, devolucion dinero=4, reversion=2.5, "
     "reversar=2.5, reverso=2.5, contracargo=3"},

    // ----------------------------------------------------------- delivery
    {"delivery", "en",
     "deliver*=3, delivey=3, delievery=3, delivary=3, package=1.5, "
     "packages=2, parcel*=3, shipping=3, ship=1.5, ships=1.5, shipped=3, "
     "shipment*=3, courier*=3, tracking=3, track=1.2, tracked=1.5, "
     "tracking number=4, tracking info*=4, tracking link=4, order=1.5, "
     "orders=1.5, ordered=2, arriv*=1.5, not arrived=3, never arrived=3.5, "
     "hasnt arrived=3.5, havent arrived=3, didnt arrive=3.5, not arrive=3, "
     "never came=2.5, hasnt come=2, not received=2, never received=1.5, "
     "didnt receive=1.5, havent received=1.5, dispatch*=3, transit=3, usps=3, "
     "fedex=3, dhl=3, ups=1.5, royal mail=3, hermes=2, doorstep=2.5, porch=2, "
     "front door=2, mailbox=1.5, postal=2, post office=3, postman=3, "
     "mailman=3, driver=1, eta=2, arrival=2, late=0.5, late delivery=4, "
     "wrong item=3, wrong address=2.5, missing item*=3, missing package=4, "
     "lost package=4, stolen package=4, damaged package=3.5, pickup=1.5, "
     "pick up=1.5, collect=1, collection=1, shipping address=3, "
     "delivery address=4, address=0.8, backorder*=2.5, back order=2.5, "
     "out for delivery=4, marked delivered=4, estimated delivery=4, "
     "expected delivery=4, warehouse=2.5, depot=2.5, carrier=1, logistics=2, "
     "amazon locker=3, locker=1.5, still waiting order=3, where order=3, "
     "wheres order=3, order status=3, status order=3, ordr=1.5, pakage=2, "
     "packege=2, shiping=3, shippment=3, curier=3"},
    {"delivery", "es",
     "entreg*=3, envio=3, envios=3, enviado=1.5, enviaron=1.5, paquete=1.5, "
     "paquetes=1.5, encomienda*=3, mensajero*=3, mensajeria=3, repartidor*=3, "
     "reparto=2.5, rastreo=3.5, rastrear=3, rastreando=3, numero guia=4, "
     "guia=1.5, seguimiento pedido=3, numero seguimiento=4, "
     "codigo seguimiento=4, pedido*=2.5, orden=1, compra=0.8, compre=0.5, "
     "lleg*=1, no lleg*=2.5, nunca lleg*=3, todavia no lleg*=3, "
     "aun no lleg*=3, retraso=1.5, retrasado=2, demora=1, demorado=1.5, "
     "atrasado=1.5, domicilio=1.5, direccion=0.8, transportadora=3, "
     "paqueteria=3, correo postal=3, correos=1.5, aduana=2.5, despach*=2.5, "
     "recib*=0.5, no recibi=1.5, producto equivocado=3, "
     "articulo equivocado=3, falta producto=2.5, paquete perdido=4, "
     "paquete danado=3.5, llego danado=3, llego roto=3, no vino=1.5, "
     "marcado entregado=4, aparece entregado=4, figura entregado=4, bodega=2, "
     "sucursal=1, recoger=1.5, retiro=1, delivery=3, courier=3, "
     "envio demorado=4, entraga=3, paqete=1.5"},

    // ------------------------------------------------------- connectivity
    {"connectivity", "en",
     "internet=2, wifi=2.5, wi fi=2.5, wireless=1.5, outage*=4, outtage=4, "
     "outge=3.5, service down=3.5, network down=4, internet down=4, "
     "wifi down=4, down=1, no service=3.5, no signal=4, signal=2, signals=2, "
     "no internet=4, no wifi=4, no connection=4, no network=4, "
     "no reception=4, no coverage=4, no bars=4, connection=2, connect*=1.5, "
     "disconnect*=2, drops=1.5, dropping=2, dropped call*=4, call drops=4, "
     "calls drop=4, dropped=1.2, keeps dropping=3, slow=1.5, slow internet=4, "
     "slow speed*=3.5, slow connection=4, speed=1.5, speeds=1.5, mbps=2.5, "
     "latency=2.5, ping=1.5, packet loss=3.5, lag=1.2, laggy=1.2, "
     "lagging=1.2, coverage=3, reception=3, bars=1.5, network=2, router=2.5, "
     "modem=2.5, broadband=2.5, fiber=1.5, fibre=1.5, dsl=2.5, cable=1, "
     "lte=2, hotspot=2, offline=2, unstable=2.5, intermittent*=3, "
     "buffering=1.5, dead zone=3.5, tower=2, cell tower=3, calls=0.8, "
     "cant make calls=3.5, cannot make calls=3.5, cant call=2.5, "
     "cant receive calls=3.5, cant send texts=3, texts=1, sms=1, "
     "mobile data=1.5, data not working=4, internet not working=4, "
     "wifi not working=4, voicemail=1.5, tv=0.5, no tv=3, channels=1, "
     "blackout=3, restore*=1.5, restored=2.5, back up=1, loading=1, loads=1, "
     "nothing loads=3, wont load=1.5, not loading=1.5, area=0.8, "
     "neighborhood=1, neighbourhood=1, line=0.5, landline=2, dial tone=3.5, "
     "static=1.5, noise on line=3, ethernet=2.5, bandwidth=2.5, connexion=2, "
     "conection=2, conexion=2, internt=2, interent=2, intenet=2, signel=2, "
     "singal=2, wify=2.5, wiffi=2.5"},
    {"connectivity", "es",
     "sin internet=4, sin senal=4, sin servicio=4, sin conexion=4, "
     "sin linea=3.5, sin red=4, sin wifi=4, sin cobertura=4, sin datos=3, "
     "sin tono=3.5, sin television=3, sin tv=3, internet=2, senal=2.5, "
     "conexion=2, conect*=1.5, desconect*=2, red=1.2, redes=0.8, caida=3, "
     "caido=3, caidas=3, cayo=3, cae=2, caen=2, se cayo=3, falla*=1.5, "
     "interrup*=3, corte*=2, corte servicio=3.5, intermiten*=3, lento=2, "
     "lenta=2, lentitud=3, velocidad=2, cobertura=3, antena=2, wifi=2.5, "
     "wi fi=2.5, modem=2.5, router=2.5, enrutador=2.5, fibra=1.5, "
     "fibra optica=2, megas=1, datos moviles=2, no carga=1, no carga nada=3, "
     "no navega=3.5, navegar=2, navegacion=2, llamadas=1, no puedo llamar=3, "
     "no entran llamadas=3.5, no salen llamadas=3.5, se cortan llamadas=4, "
     "corta=2, tono=1.5, zona=1, barrio=1, sector=1, apagon=3, restablec*=2, "
     "television=1, canales=1, decodificador=2, no funciona internet=4, "
     "internet no funciona=4, sin senial=4, senial=2.5, conecion=2, "
     "coneccion=2, intermitencia=3, cobertora=2.5, intenet=2, interne=2"},

    // ------------------------------------------------------- cancellation
    {"cancellation", "", "cancel*=4, cancl*=3.5, cacel*=3.5"},
    {"cancellation", "en",
     "terminat*=3, discontinu*=2.5, close account=3.5, closing account=3.5, "
     "close down account=3.5, delete account=3, deleting account=3, "
     "unsubscri*=3.5, opt out=2.5, end contract=3.5, end subscription=3.5, "
     "ending contract=3.5, end service=3.5, stop service=3, "
     "stop subscription=3.5, stop paying=2.5, quit=1.5, leaving=1.5, "
     "switch provider*=3, switching provider*=3, switch carrier*=3, "
     "switching carrier*=3, another provider=2.5, another carrier=2.5, "
     "other provider=2, port out=3, disconnect service=3.5, "
     "disconnect account=3, shut off service=3, shut off=1.5, "
     "early termination=3.5, etf=3, moving abroad=2, moving away=1.5, "
     "no longer need=2.5, dont need anymore=2.5, renew*=1, auto renew*=2, "
     "subscription=1, subscriptions=1, membership=1, contract=1, "
     "notice period=3, leave=1, done with=1.5, get rid of=1.2, cancelation=4, "
     "cancle=4, cancell=4, canel=3.5"},
    {"cancellation", "es",
     "dar baja=4, darme baja=4, den baja=4, doy baja=4, dieran baja=4, "
     "dado baja=4, baja servicio=4, baja linea=4, baja contrato=4, "
     "solicito baja=4, pedir baja=4, baja=1.5, anular*=3, rescind*=3, "
     "terminar contrato=3.5, finalizar contrato=3.5, terminar servicio=3.5, "
     "retirarme=2.5, retiro servicio=3, desafili*=3.5, desvincul*=2.5, "
     "desuscrib*=3.5, desinscrib*=3, cerrar cuenta=3.5, cierre cuenta=3.5, "
     "eliminar cuenta=3, borrar cuenta=3, portabilidad=1.5, irme=1.5, "
     "cambiarme compania=3, cambiarme operador=3, cambiarme empresa=3, "
     "otra compania=2.5, otro operador=2.5, otra empresa=1.5, suscripcion=1, "
     "suscripciones=1, membresia=1, contrato=1, renovacion automatica=2, "
     "renovar=0.8, no quiero mas=2, ya no quiero=2, ya no necesito=2.5, "
     "cancelacion=4, cancelar=4, canselar=4, cancelasion=4, cansel*=3.5, "
     "dejar servicio=2.5, suspender servicio=2.5, suspension=1.5, "
     "irme otra=2.5, voy vivir fuera=2, vivir fuera=1.5, mudo otro pais=2"},

    // ----------------------------------------------------------- plan_change
    {"plan_change", "en",
     "plan=0.8, plans=0.8, upgrad*=3, downgrad*=3.5, upgarde=3, "
     "change plan=3.5, changing plan=3.5, switch plan=3.5, "
     "switching plan=3.5, new plan=2.5, different plan=3, better plan=3, "
     "cheaper plan=3.5, lower plan=3.5, bigger plan=3.5, premium plan=3, "
     "unlimited=2, unlimited plan=3, unlimited data=3, add data=3.5, "
     "add more data=3.5, more data=3, extra data=3, data plan=2.5, "
     "data allowance=3, data package=3, data bundle=3, data cap=2, "
     "add line=3, extra line=3, new line=2, family plan=2.5, package=1, "
     "bundle*=2, tier=2, premium=1.5, basic=1, options=0.8, faster=1.5, "
     "faster plan=3.5, faster speed=3, more speed=3, gb=1, gigs=1.5, "
     "minutes=1, tariff*=2.5, price plan=3, how much=0.8, cost=0.8, price=1, "
     "prices=1, pricing=1.5, cheaper=1.5, add on=2.5, addon*=2.5, add=0.5, "
     "move plan=3, move premium=3, prepaid=2, postpaid=2, pay as you go=2, "
     "payg=2, top up=1, topup=1, roaming=1, international plan=3, "
     "contract renewal=2, renew contract=2, plan options=3.5, what plans=3, "
     "which plan=3, interested upgrading=3, increase speed=3, boost=1.5, "
     "streaming package=2.5, channel package=3, sports package=3, "
     "channels package=3, subscription plan=2.5, annual plan=3, "
     "monthly plan=2.5, yearly plan=3, switch annual=3, switch monthly=3"},
    {"plan_change", "es",
     "plan=0.8, planes=0.8, cambiar plan=3.5, cambio plan=3.5, "
     "cambiarme plan=3.5, pasarme plan=3.5, pasar plan=3, mejorar plan=3.5, "
     "mejorar paquete=3.5, mejorar servicio=1.5, subir plan=3.5, "
     "bajar plan=3.5, aumentar plan=3.5, plan mas barato=3.5, "
     "plan mas economico=3.5, plan superior=3.5, plan inferior=3.5, "
     "mas barato=1.5, mas economico=1.5, mas datos=3.5, agregar datos=3.5, "
     "agregar mas datos=3.5, anadir datos=3.5, aumentar datos=3.5, "
     "datos adicionales=3.5, paquete datos=3, bolsa datos=3.5, datos=1.2, "
     "gigas=2, gigabytes=2, gb=1, megas=1, minutos=1, ilimitad*=2.5, "
     "premium=1.5, mejorar=1.5, mejora=1, actualizar plan=3.5, "
     "cuanto cuesta=1.2, cuanto vale=1, cuanto sale=1, precio=1, precios=1, "
     "tarif*=1.5, paquete=1, opciones=0.8, ofertas=0.8, linea adicional=3, "
     "otra linea=2.5, linea nueva=2, prepago=2, pospago=2, postpago=2, "
     "mas rapido=1.5, mas velocidad=3, aumentar velocidad=3.5, "
     "subir velocidad=3.5, mejor plan=3, plan familiar=2.5, roaming=1, "
     "plan internacional=3, migrar=2, migracion=2, upgrade=3, "
     "interesa plan=2, planes disponibles=3.5"},

    // ----------------------------------------------------- account_access
    {"account_access", "en",
     "login=3.5, logins=3.5, log in=3.5, log on=3, log into=3.5, log=2, "
     "logged=2, logging=2, logged out=3, log out=3, logout=3, sign out=3, "
     "signout=3, logon=3, signing in=3.5, signing=1.5, sso=3, "
     "single sign on=4, faceid=3, account back=3.5, get back into=3, "
     "cant log=4, cannot log=4, unable log=4, sign in=3.5, signin=3.5, "
     "sign on=2.5, signed out=3, sign=0.7, cant sign=4, cannot sign=4, "
     "password*=4, pasword*=4, passwrd=4, passcode=3.5, pin=2, pin code=3, "
     "username*=3.5, user name=3.5, user id=3, credential*=3, locked out=4, "
     "lockout=4, locked=2.5, lock=1, unlock account=4, reset=1.5, "
     "reset password=4, password reset=4, reset email=3.5, reset link=4, "
     "forgot*=2, forgotten=2, two factor=4, factor=1.5, fa=2, mfa=3.5, "
     "verification code=4, verification=2.5, verify=1.5, verif*=2, "
     "authenticat*=3, otp=3.5, one time code=4, security code=3.5, code=1.5, "
     "codes=1.5, access=1.5, cant access=3, cannot access=3, unable access=3, "
     "no access=3, account=0.6, recover account=3.5, recover*=1.5, "
     "recovery=2.5, security question*=3.5, invalid password=4, "
     "wrong password=4, incorrect password=4, sign up=1, signup=1, "
     "register*=1.5, registration=1.5, suspended=2.5, disabled=2, banned=2.5, "
     "deactivated=2.5, login page=4, login screen=4, login error=4, "
     "email never comes=3, link expired=3, locked account=4, "
     "account locked=4, get into=2, access account=3.5, login details=4, "
     "log in details=4, keeps logging out=4, session=1.5, face id=3, "
     "touch id=3, fingerprint=1.5, biometric=2, captcha=2.5, loggin=3.5, "
     "loging=3, pasword=4, passowrd=4, pssword=4"},
    {"account_access", "es",
     "contrasen*=4, contrasena=4, clave=2.5, clave invalida=4, "
     "clave incorrecta=4, cambiar clave=3.5, olvide clave=4, usuario=2.5, "
     "iniciar sesion=4, inicio sesion=4, sesion=2.5, cerrar sesion=2.5, "
     "ingresar=2, ingreso=1.5, entrar=1.5, no puedo entrar=3.5, "
     "no puedo ingresar=3.5, no puedo acceder=3.5, no deja entrar=3.5, "
     "no deja ingresar=3.5, acceder=2, acceso=2, sin acceso=3.5, bloque*=2.5, "
     "desbloque*=2, codigo=1.5, codigos=1.5, codigo verificacion=4, "
     "codigo seguridad=4, codigo acceso=4, verificacion=2.5, verificar=1.5, "
     "autentic*=3, doble factor=4, dos pasos=3, olvide=2.5, "
     "recuperar cuenta=3.5, recuperar=1.5, restablecer=1.5, "
     "restablecer contrasena=4, cuenta=0.6, suspendid*=2, inhabilitad*=2.5, "
     "deshabilitad*=2, pin=2, huella=1.5, correo para cambiar=2, "
     "contrasenia=4, contrasena invalida=4, contraseaa=4, contrasea=4"},

    // ------------------------------------------------------- device_fault
    {"device_fault", "en",
     "broken=2.5, broke=2, breaks=1.5, cracked=3, crack=2.5, cracks=2.5, "
     "shatter*=3, screen=2, screens=2, display=1.5, batter*=3, drain*=2.5, "
     "overheat*=4, over heat*=4, hot=1, heats up=3, gets hot=3, "
     "getting hot=3, charger=3, chargers=3, charging=1.5, not charging=4, "
     "stopped charging=4, wont charge=4, doesnt charge=4, isnt charging=4, "
     "cant charge=3.5, stopped working=2.5, not working=1, doesnt work=1, "
     "dont work=1, wont work=1, charging port=4, charging cable=3, port=0.5, "
     "speaker*=3, bluetooth=2, usb=1.5, adapter=1.5, adaptor=1.5, monitor=1, "
     "detect*=1, microphon*=3, mic=2.5, camera=2.5, cameras=2.5, button*=2, "
     "headphone*=2.5, earphone*=2.5, earbud*=2.5, airpods=2.5, headset=2, "
     "headphone jack=3, jack=1.5, flicker*=3.5, frozen=1, freez*=1, "
     "restarting=1.5, keeps restarting=3, reboots=2, boot loop=4, bootloop=4, "
     "shuts off=3, shuts down=3, shut down=1.5, turns off=3, turned off=1.5, "
     "wont turn on=4, doesnt turn on=4, not turn on=4, not turning on=4, "
     "power=1, dead=1.5, defect*=3.5, faulty=3.5, fault=1.5, "
     "malfunction*=3.5, damaged=2, damage=1.5, water damage=4, repair*=3, "
     "fix phone=3, replac*=1.5, replacement=2, warranty=3.5, guarantee=2, "
     "applecare=3.5, insurance=1.5, touchscreen=3, touch screen=3, "
     "keyboard=2, trackpad=2.5, hinge=2.5, dead pixel*=4, pixel*=2, "
     "glitch*=1, vibrat*=2, phone=0.5, device=1, tablet=1, laptop=1, "
     "handset=1.5, console=1, controller=1.5, black screen=3.5, "
     "blank screen=3.5, bricked=4, fell=1.5, dropped phone=3.5, "
     "dropped water=3.5, swollen=3, bulging=3, broken speaker=4, "
     "broken screen=4, cracked screen=4, screen flickers=4, "
     "lines on screen=4, overheating=4, sound=1, volume=1.5, no sound=2.5, "
     "cant hear=2, echo=1.5, sim tray=2.5, loose=1.5, stuck=1, "
     "unresponsive=1.5, touch not working=4, died=1.5, bateria=3, charing=2, "
     "chager=3, batery=3, screan=2, scren=2, overheats=4"},
    {"device_fault", "es",
     "pantalla=2.5, pantallas=2.5, bateri*=3, cargador*=3, calient*=3, "
     "sobrecalient*=4, caliente=2, apaga=2.5, apago=2.5, se apaga solo=4, "
     "apaga solo=4, reinicia*=2, reinicio=1.5, no enciende=4, no prende=4, "
     "prende=1.5, enciende=1.5, dejo de cargar=4, no carga bateria=4, "
     "no carga=1, carga=0.8, cargar=1, cargando=1.5, carga lento=3, "
     "bateria descarga=4, descarga rapido=3.5, roto=2.5, rota=2.5, rotos=2.5, "
     "rotas=2.5, rompio=2.5, rompe=2, rompieron=2, cayo celular=3.5, "
     "cayo telefono=3.5, cayo agua=3.5, quebr*=2.5, estrellad*=3, rajad*=3, "
     "danado=2.5, danada=2.5, danados=2.5, defectuos*=3.5, defecto=3, "
     "falla=1, fallas=1, no funciona=1.2, dejo funcionar=2.5, parlante*=3, "
     "altavoz=3, bocina*=2.5, microfono=2.5, camara=2.5, camaras=2.5, "
     "boton*=2, audifono*=2.5, auricular*=2.5, parpade*=3.5, congel*=1, "
     "tactil=2.5, teclado=2, reparar=3, reparacion=3, reparaciones=3, "
     "reparen=3, reparado=2.5, arreglar equipo=3, arreglen=1.5, garant*=3.5, "
     "cambio equipo=2.5, equipo=1, celular=0.6, telefono=0.4, movil=0.5, "
     "dispositivo=1, tablet=1, tableta=1, portatil=1, computador*=1, "
     "computadora=1, consola=1, control=0.8, mojado=2.5, mojo=2, hinchad*=3, "
     "traba=1.5, lineas pantalla=4, pantalla negra=3.5, pixel*=2, vibra*=2, "
     "sonido=1, volumen=1.5, no se escucha=2.5, no escucho=2, no suena=2.5, "
     "pantaya=2.5, baterya=3, cargadr=3, enchufe=1.5, puerto carga=4, "
     "sobrecalentamiento=4, quemad*=2.5, humo=3"},

    // ------------------------------------------------------------ payment
    {"payment", "en",
     "payment*=2.5, pay=1.5, paid=1.5, paying=1.2, pays=1.2, card=1.5, "
     "cards=1.5, credit card=3, debit card=3, bank card=3, card declined=4, "
     "card rejected=4, card denied=4, card not accepted=4, declin*=3, "
     "rejected=1.5, denied=1, payment failed=4, failed payment=4, "
     "payment not going through=4, not going through=2, wont go through=2.5, "
     "didnt go through=2.5, payment method=4, payment methods=4, "
     "payment option*=4, autopay=4, auto pay=4, automatic payment*=4, "
     "auto payment*=4, recurring payment*=3.5, direct debit=3.5, "
     "standing order=3, paypal=3, apple pay=3.5, google pay=3.5, venmo=2.5, "
     "bank=1.5, bank account=2.5, transaction*=2, checkout=2.5, check out=1, "
     "billing address=2, expired card=3.5, card expired=3.5, expir*=1, "
     "update card=3.5, card details=3.5, card info*=3.5, new card=3, "
     "installment*=2.5, financing=2, finance=1.5, pay bill=3, pay bills=3, "
     "paying bill=3, make payment=3.5, making payment=3.5, cant pay=3.5, "
     "cannot pay=3.5, unable pay=3.5, how pay=3, where pay=3, due date=1.5, "
     "overdue=2, past due=2, late payment=3, down payment=3.5, "
     "payment plan=3.5, wire transfer=3, bank transfer=3, transfer=1, cash=1, "
     "processing payment=3.5, pending payment=3, payment pending=3, "
     "pre authorization=3, preauthorization=3, hold on card=3, "
     "authorization hold=3, cvv=3.5, payed=1.5, paymnt=2.5, payement=2.5, "
     "paymet=2.5, creditcard=3"},
    {"payment", "es",
     "pago=2.5, pagos=2.5, pagar=2, pague*=2, pagad*=1.5, pagando=1.5, "
     "pagaron=1.5, pagamos=1.5, pagaria=1.5, tarjeta=1.5, tarjetas=1.5, "
     "tarjeta credito=3, tarjeta debito=3, rechaz*=2.5, declin*=3, "
     "pago rechazado=4, tarjeta rechazada=4, no pasa pago=4, "
     "no pasa tarjeta=4, metodo pago=4, medio pago=4, medios pago=4, "
     "forma pago=4, formas pago=4, debito automatico=4, domiciliacion=4, "
     "domiciliar=3.5, cargo automatico=3.5, pago automatico=4, "
     "transferencia=2, banco=1.5, cuenta bancaria=2.5, consignacion=2.5, "
     "consignar=2.5, efectivo=1, pse=3, nequi=2.5, daviplata=2.5, bizum=3, "
     "mercado pago=3, oxxo=2, paypal=3, no puedo pagar=3.5, "
     "no deja pagar=3.5, como pago=3, donde pago=3, pasarela=2.5, "
     "transaccion*=2, fecha limite=1.5, fecha pago=2.5, vencid*=1, "
     "vencimiento=1.5, mora=1.5, atrasado pago=3, referencia pago=3, "
     "comprobante=2, abono=2, abonar=2, recarga*=1.5, recargar=1.5, "
     "financiacion=2, financiamiento=2, pago pendiente=3, tarjta=1.5, "
     "targeta=1.5"},

    // -------------------------------------------------------- appointment
    {"appointment", "en",
     "appointment*=4, apointment=4, appt=4, technician*=4, techician=4, "
     "tech=1.5, engineer=3, engineers=3, installer=3.5, install*=1.5, "
     "installation=3.5, visit=2, visits=2, schedule*=2.5, reschedul*=4, "
     "booking=2, book=1, booked=1.5, time slot=3.5, slot=2, no show=3, "
     "didnt show up=3.5, show up=2, showed up=2, never showed=3.5, "
     "never came out=3.5, come out=1, house=0.8, home visit=4, site visit=4, "
     "window=0.5, setup=1.5, set up=1.5, hookup=2, hook up=2, site survey=3, "
     "cancel appointment=4.5, cancel visit=4.5, genius bar=3.5, "
     "store appointment=4, meeting=1, arrive between=3, waited all day=3, "
     "waiting all day=3, took day off=3, missed appointment=4.5, callback=1, "
     "call back=1, instalation=3.5, tecnician=4"},
    {"appointment", "es",
     "cita*=4, tecnico=4, tecnicos=4, visita*=3, agendar=3, agend*=2.5, "
     "reagend*=4, reprogram*=3.5, programar visita=4, instalacion*=3.5, "
     "instalar=2, instalaron=2, instalen=2, no vino=2, nunca vino=2.5, "
     "no llego tecnico=4, horario=1, franja=2.5, franja horaria=3.5, turno=2, "
     "acometida=3, traslado=1.5, espere todo dia=3, cancelar cita=4.5, "
     "cancelar visita=4.5, me dejaron esperando=2.5, tecnio=4, tecniko=4"},

    // ----------------------------------------------------- software_issue
    {"software_issue", "en",
     "app=1.2, apps=1, application=1, error=2, errors=2, error message=3.5, "
     "error code=3.5, bug*=2.5, crash*=3, freez*=1.5, frozen=1.5, "
     "glitch*=1.5, update=1, updated=1.5, updating=1.5, software=2.5, "
     "firmware=2.5, os=1, ios=2, android=1.5, version=1.5, website=1.5, "
     "site=1, web page=2, page=1, browser=2, download*=2, install=1, "
     "installed=1, uninstall*=2.5, reinstall*=2.5, not loading=2, "
     "wont load=2, wont open=2.5, doesnt open=2.5, wont launch=3, sync*=2.5, "
     "settings=1.5, feature=1.5, features=1.5, notification*=2, server*=2, "
     "game=1, games=1, stream=1.2, streaming=1.5, playback=2.5, buffer*=1.5, "
     "audio=1.5, video=1, subtitle*=2, pdf=1, file=1, files=1, upload*=2, "
     "compatib*=2, driver*=1.5, not responding=2.5, unresponsive=2, lags=1.5, "
     "laggy=2, keeps closing=3.5, force close*=3.5, blank page=3, "
     "loading screen=3, spinning=1.5, white screen=2.5, "
     "something went wrong=3, try again later=2, patch=2, beta=1.5, "
     "program=1, tool=0.5, extension=1.5, plugin=2, plug in=1.5, cache=2, "
     "cookies=2, chrome=1.5, safari=1.5, firefox=1.5, windows=1, mac=1, "
     "laptop app=2, desktop=1, sync issue*=4, eror=2, erorr=2, aplication=1, "
     "softwear=2.5, upate=1, udpate=1"},
    {"software_issue", "es",
     "aplicacion=1.2, aplicaciones=1, app=1.2, error=2, errores=2, "
     "mensaje error=3.5, codigo error=3.5, cierra=1.5, cierra sola=3, "
     "se cierra sola=3.5, congel*=1.5, actualizacion*=1.2, actualizar=1, "
     "version=1.5, pagina=1.2, sitio web=2, pagina web=2, navegador=2, "
     "descarg*=1.5, instal*=1, sincroniz*=2.5, notificacion*=2, no abre=2, "
     "no abre app=3.5, abre=1, abrir=1, juego=1, juegos=1, programa=1, "
     "sistema=1, servidor*=2, traba=1.5, tilda=2.5, falla sistema=3, "
     "falla app=3.5, no carga app=3.5, no carga pagina=3.5, "
     "pantalla blanca=2.5, se queda cargando=3, aplicasion=1.2, "
     "aplicacon=1.2, actualisacion=1.2"},

    // ----------------------------------------------------- fraud_security
    {"fraud_security", "", "fraud*=4, scam*=3.5, hack*=3.5, phish*=4, spam*=2"},
    {"fraud_security", "en",
     "unauthori*=3, unauthorized charge*=3.5, identity theft=4, stolen=2.5, "
     "compromised=3.5, suspicious=3, breach=3, someone else=1.5, wasnt me=2, "
     "didnt authorize=3, never authorized=2, impersonat*=3.5, fake=1.5, "
     "sim swap*=4, security=1.5, privacy=2, personal data=2, gdpr=3, "
     "data breach=4, stole=3, theft=3.5, robbed=3, scammer*=4, fraudster*=4, "
     "fraudulent=4, someone accessed=4, someone logged=3.5, "
     "strange activity=3.5, unusual activity=3.5, unknown charge*=2.5, "
     "dont recognize=2, dont recognise=2, report scam=4, spoof*=3.5, "
     "malware=3, virus=2.5, hackd=3.5"},
    {"fraud_security", "es",
     "estaf*=4, robo=3, robaron=3, robado=3, robada=3, robar=2, suplant*=4, "
     "no autorice=2.5, nunca autorice=2.5, autoriz*=1.5, autoric*=1.5, "
     "sospechos*=3, seguridad=1.5, vulner*=3, clonaron=4, clonad*=4, "
     "clonacion=4, alguien mas=1.5, alguien entro=4, alguien ingreso=4, "
     "desconocido=1, desconocidos=1.5, movimientos extranos=4, "
     "actividad extrana=4, datos personales=2, privacidad=2, jaquearon=3.5, "
     "jakearon=3.5, hakearon=3.5, ciberdelincuente*=4, virus=2.5, "
     "enganaron=2.5, engano=2"},

    // ----------------------------------------------------- account_update
    {"account_update", "en",
     "change address=3.5, update address=3.5, new address=3, "
     "address change=3.5, moved=1.5, moving=1, relocat*=2.5, change name=3.5, "
     "name change=3.5, update name=3.5, update email=3.5, change email=3.5, "
     "change phone number=3, update phone number=3, phone number=1, "
     "contact details=3, contact info*=3, personal details=2.5, "
     "personal information=2.5, profile=1.5, update details=3.5, "
     "update information=3, update info=3, update account=3, "
     "account details=2.5, account holder=3, transfer ownership=4, "
     "change ownership=4, authorized user=3, authorised user=3, "
     "preferences=1.5, marketing emails=2.5, stop emails=2.5, "
     "merge accounts=3.5, duplicate account=3, date of birth=2.5, birthday=1, "
     "married=1.5, maiden name=3, spelling name=3, misspelled name=3, "
     "wrong name=3, add user=2.5, remove user=2.5, account name=2.5"},
    {"account_update", "es",
     "cambiar direccion=3.5, cambio direccion=3.5, actualizar datos=3.5, "
     "actualizar direccion=3.5, actualizar correo=3.5, "
     "actualizacion datos=3.5, cambio datos=3.5, cambiar datos=3.5, "
     "direccion=1, domicilio=1, mude=2.5, mudanza=2.5, mudo=1.5, mudamos=2, "
     "mudarme=2.5, traslado=1.5, cambiar nombre=3.5, cambio nombre=3.5, "
     "cambiar correo=3, cambiar telefono=3, cambiar numero contacto=3.5, "
     "titular=2.5, cambio titular=4, cambiar titular=4, datos personales=2, "
     "perfil=1.5, numero contacto=2.5, cedula=1.5, documento=1, "
     "nombre mal escrito=3.5, nombre equivocado=3, fecha nacimiento=2.5, "
     "agregar usuario=2.5, quitar usuario=2.5, correos publicidad=2.5, "
     "no quiero recibir correos=2.5"},

    // ----------------------------------------------------- product_inquiry
    {"product_inquiry", "en",
     "available=1.5, availability=2.5, in stock=3, stock=2.5, "
     "out of stock=3.5, restock*=3, preorder*=3, pre order*=3, "
     "release date=3.5, release=1.5, released=1, launch*=1, compatible=1.5, "
     "specs=2.5, specification*=2.5, model=1, models=1, color=1, colour=1, "
     "size=0.8, recommend*=1, buy=1.5, buying=1.5, purchase=1.2, "
     "purchasing=1.5, bought=0.5, sell=1.5, selling=1.5, shop=1, store=1, "
     "stores=1, catalog=2, catalogue=2, new phone=1.5, latest=1, "
     "trade in=2.5, trade=1, information=0.5, info=0.5, interested=1, "
     "difference between=2.5, which one=1.5, does it come=2, in store=2, "
     "price match=2, how much cost=1.5, where buy=3, can buy=2.5"},
    {"product_inquiry", "es",
     "disponible*=1.5, disponibilidad=2.5, stock=2.5, existencia*=2, "
     "agotad*=3, preventa=3, lanzamiento=1.5, comprar=1.5, compra=0.8, "
     "precio=1, cuanto cuesta=1, cuanto vale=1, modelo=1, modelos=1, "
     "caracteristica*=2, especificacion*=2.5, tienda=1, tiendas=1, venden=2, "
     "vende*=1, catalogo=2, informacion=0.5, info=0.5, interesa*=0.8, "
     "diferencia entre=2.5, donde comprar=3, puedo comprar=2.5, "
     "quiero comprar=2.5, cuando llega=1.5, color=1, colores=1, talla=1.5, "
     "compatible=1.5, recomiend*=1"},

    // --------------------------------------------------- service_complaint
    {"service_complaint", "en",
     "customer service=2.5, customer care=2.5, customer support=2, rude=3.5, "
     "unprofessional=3.5, agent=1.5, agents=1.5, representative=1.5, rep=1.5, "
     "reps=1.5, staff=1.5, employee*=1.5, manager=1.5, supervisor=2.5, "
     "complaint*=3, complain*=2.5, on hold=3, hold=1.5, waiting time=2.5, "
     "wait time=2.5, hung up=3.5, hang up=2, transferred=2, "
     "kept transferring=3.5, terrible service=3, bad service=3, "
     "poor service=3, worst service=3.5, awful service=3, horrible service=3, "
     "worst=1, escalat*=2.5, feedback=1.5, disappointed=1, attitude=2, "
     "treated=1.5, treatment=1, chat=0.5, response time=2.5, ignored=2, "
     "ignoring=1.5, helpline=1.5, hotline=1.5, call center=2.5, "
     "call centre=2.5, useless=1.5, incompetent=2.5, nobody helps=2.5, "
     "no one helps=2.5, no help=2, not helpful=2, unhelpful=2.5, lied=2, "
     "lying=2, lies=1.5, disrespect*=3, hours on phone=3, waited hours=3, "
     "waiting hours=3, queue=2, bot=1, chatbot=2, speak human=3, "
     "talk human=3, real person=3, speak someone=1.5, talk someone=1.5, "
     "speak manager=3.5"},
    {"service_complaint", "es",
     "atencion cliente=2.5, servicio cliente=2.5, mala atencion=3.5, "
     "pesima atencion=3.5, pesimo servicio=3, mal servicio=3, "
     "malisimo servicio=3, grosero*=3.5, maleducad*=3.5, asesor*=1.5, "
     "agente=1.5, agentes=1.5, operador*=1, supervisor*=2.5, queja*=3, "
     "quejarme=3, reclamo=2, reclamos=2, reclamacion*=2, espera=1.5, "
     "colgaron=3.5, colgo=3, trato=1.5, falta respeto=3.5, irrespetuos*=3.5, "
     "ineficientes=2.5, incompetentes=2.5, inutil*=1, nadie ayuda=2.5, "
     "no ayudan=2.5, mintieron=2.5, mienten=2, engano=1, horas esperando=3, "
     "horas llamando=3, transfieren=2.5, robot=1, hablar persona=3, "
     "hablar humano=3, hablar con alguien=1.5, defensoria=3, "
     "superintendencia=3, sic=2, profeco=3, consumo=0.5, demanda=2, "
     "denuncia*=2, atension=2, atencion=1"},

    // ---------------------------------------------------------- promotion
    {"promotion", "",
     "discount*=3, descuent*=3, promo*=3, coupon*=3.5, cupon*=3.5, voucher*=3"},
    {"promotion", "en",
     "offer=1.5, offers=1.5, deal=1.5, deals=1.5, black friday=3, "
     "cyber monday=3, sale=1.2, reward*=2.5, points=2, loyalty=3, cashback=3, "
     "cash back=3, gift card=2.5, giftcard=2.5, giveaway=2.5, referral=2.5, "
     "refer friend=3, free trial=2.5, trial=1.5, promo code=4, "
     "discount code=4, price match=2, student discount=4, bonus=2, "
     "free month=2.5, free months=2.5, special offer=3.5, redeem*=3, "
     "offer code=4, perks=2, membership discount=3.5"},
    {"promotion", "es",
     "oferta=1.5, ofertas=1.5, bono=2, bonos=2, puntos=2, beneficio*=1.5, "
     "regalo=1.5, sorteo=2.5, premio*=1.5, fidelidad=2.5, prueba gratis=2.5, "
     "gratis=1, meses gratis=2.5, mes gratis=2.5, codigo promocional=4, "
     "codigo descuento=4, rebaja*=2.5, canjear=3, canje=3, redimir=3, "
     "tarjeta regalo=3, cashback=3, promocion=3, promociones=3, referido*=2.5"},

    // ---------------------------------------------------------- sim_number
    {"sim_number", "", "sim=3, sims=3, esim=4, e sim=4, imei=3.5, puk=4"},
    {"sim_number", "en",
     "sim card=4, simcard=4, port number=4, porting=3, port in=3, port out=2, "
     "keep number=3, transfer number=3.5, new number=2.5, change number=3, "
     "number change=3, unlock phone=3, unlock code=3, carrier unlock=4, "
     "network unlock=4, unlocked=1.5, unlock=1.5, activate sim=4, "
     "activation=1.5, activate=1, activated=1, lost phone=2, stolen phone=2, "
     "replacement sim=4, block sim=4, number transfer=3.5, phone number=1, "
     "number=0.3"},
    {"sim_number", "es",
     "chip=3, chips=3, tarjeta sim=4, portabilidad=3, portar numero=4, "
     "portar*=2.5, conservar numero=3, mantener numero=3, cambiar numero=3, "
     "nuevo numero=2.5, numero=0.3, liberar=2, liberar celular=4, "
     "liberar equipo=4, liberacion=2.5, activar chip=4, activar linea=3, "
     "activar sim=4, reposicion=3, reposicion sim=4, duplicado sim=4, "
     "bloquear linea=3.5, bloquear sim=4, celular robado=2, "
     "perdi celular=2.5, linea=0.8, lineas=0.8"},

    // ------------------------------------------- idioms that name no matter
    // Consumed as phrases so their words do not count ("in order to" is not
    // an order, "let down" is not an outage).
    {kNoTopic, "",
     "in order=0, no problem=0, no problems=0, no worries=0, pay attention=0, "
     "let down=0, take into account=0, in return=0, hold on=0, zip code=0, "
     "postal code=0, dress code=0, tener cuenta=0, dar cuenta=0, "
     "darse cuenta=0, sin problema=0, no problema=0, calm down=0, count on=0"},

    // ---------------------------------------------------------- follow_up
    {kFollowUpTopic, "en",
     "following up=1, follow up=1, followup=1, followed up=1, follow ups=1, "
     "any update=1, any updates=1, any news=1, any word=1, any progress=1, "
     "get update=1, status update=1, still not solved=1, "
     "still not resolved=1, still not fixed=1, still not sorted=1, "
     "still unresolved=1, still no answer=1, still no response=1, "
     "still no reply=1, still no word=1, still no update=1, still no news=1, "
     "still no solution=1, still no resolution=1, still no fix=1, "
     "still no help=1, still havent heard=1, still not heard=1, "
     "still waiting response=1, still waiting reply=1, "
     "still waiting answer=1, still waiting callback=1, "
     "still waiting call back=1, still waiting hear=1, "
     "still waiting update=1, still awaiting=1, still not working=0.5, "
     "still nothing=1, still same=1, havent heard back=1, not heard back=1, "
     "never heard back=1, didnt hear back=1, no one got back=1, "
     "nobody got back=1, never got back=1, no response=1, no reply=1, "
     "no answer=1, without response=1, no one responded=1, "
     "nobody responded=1, no one replied=1, nobody replied=1, "
     "no one answered=1, nobody answered=1, no one called back=1, "
     "nobody called back=1, never called back=1, calling again=1, "
     "called again=1, writing again=1, wrote again=1, messaging again=1, "
     "emailing again=1, contacting again=1, reaching out again=1, "
     "tweeting again=1, asking again=1, chatting again=1, contacted before=1, "
     "contacted earlier=1, contacted already=1, already contacted=1, "
     "already reported=1, reported before=1, reported earlier=1, "
     "already spoke=1, already spoken=1, spoke yesterday=1, spoke earlier=1, "
     "called yesterday=1, wrote yesterday=1, messaged yesterday=1, "
     "chatted yesterday=1, emailed yesterday=1, earlier message=1, "
     "previous message=1, previous email=1, earlier email=1, last message=1, "
     "previous conversation=1, earlier conversation=1, previous chat=1, "
     "previous call=1, earlier call=1, last call=0.5, case number=1, "
     "ticket number=1, reference number=1, case id=1, ticket id=1, "
     "same problem=0.5, same issue=0.5, second time=1, third time=1, "
     "fourth time=1, fifth time=1, reopen*=1, re open=1, told=1, "
     "promised=0.7, as mentioned=1, as said=1, as stated=1, "
     "mentioned before=1, told before=1, explained before=1, "
     "already explained=1, already told=1, folow up=1, follwing up=1, "
     "folowing up=1"},
    {kFollowUpTopic, "es",
     "hago seguimiento=1, doy seguimiento=1, dar seguimiento=1, "
     "seguimiento caso=1, seguimiento solicitud=1, seguimiento reclamo=1, "
     "seguimiento ticket=1, seguimiento mensaje=1, sigue sin=1, siguen sin=1, "
     "sigo sin=0.5, sigo esperando=1, seguimos esperando=1, sigue igual=1, "
     "sigue pendiente=0.5, sin respuesta=1, sin solucion=0.7, "
     "sin ninguna respuesta=1, ninguna respuesta=1, todavia no resuelv*=1, "
     "todavia no soluciona*=1, todavia no respond*=1, todavia no contesta*=1, "
     "todavia nada=1, aun no resuelv*=1, aun no soluciona*=1, "
     "aun no respond*=1, aun no contesta*=1, aun nada=1, "
     "todavia no resuelto=1, nadie responde=1, nadie contesta=1, "
     "nadie respondio=1, no respondido=1, no contestado=1, "
     "no me responden=0.7, alguna novedad=1, novedades=0.7, "
     "alguna actualizacion=1, alguna respuesta=1, ya contacte=1, "
     "ya contactado=1, ya escribi=1, ya reporte=1, ya reclame=1, "
     "ya habia escrito=1, ya habia reportado=1, escribi antes=1, "
     "contacte antes=1, reporte antes=1, escribi ayer=1, llame ayer=1, "
     "hable ayer=1, llamo otra vez=1, llamo de nuevo=1, llamo nuevamente=1, "
     "escribo otra vez=1, escribo de nuevo=1, escribo nuevamente=1, "
     "vuelvo escribir=1, vuelvo llamar=1, vuelvo contactar=1, "
     "otra vez escribo=1, otra vez llamo=1, nuevamente escribo=1, "
     "nuevamente llamo=1, mensaje anterior=1, correo anterior=1, "
     "llamada anterior=1, reclamo anterior=1, solicitud anterior=1, "
     "conversacion anterior=1, chat anterior=1, numero caso=1, "
     "numero ticket=1, numero radicado=1, radicado=1, numero reclamo=1, "
     "mismo problema=0.5, mismo inconveniente=0.5, misma falla=0.5, "
     "mismo caso=1, segunda vez=1, tercera vez=1, cuarta vez=1, quinta vez=1, "
     "dijeron=0.7, prometieron=1, reabrir=1, reabran=1, reabrieron=1, "
     "como dije=1, como mencione=1, como les dije=1, ya les dije=1, "
     "ya explique=1, segimiento=1, seguimento=1"},
};

const size_t kTopicLexiconSize =
    sizeof(kTopicLexicon) / sizeof(kTopicLexicon[0]);

}  // namespace threadline::text
