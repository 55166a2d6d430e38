"""What the bot says between the routes' own texts: acknowledgements, questions, follow-up answers.

Plain Swedish, du-form, short. No phone numbers here: they come from the catalogue.
"""
from __future__ import annotations

import json

from bot.conversation.case import ADULT, UNDER_18
from bot.reply import Button

ACK_START = "Tack, då vet jag att "  # the acknowledgements below that start so are joined into one sentence
ACK_AREA = "Tack, då vet jag att det gäller {place}."
ACK_AGE = {
    UNDER_18: "Tack, då vet jag att det gäller någon under 18.",
    ADULT: "Tack, då vet jag att det gäller en vuxen.",
}
ACK_OWN_AGE = {
    UNDER_18: "Tack, då vet jag att du är under 18.",
    ADULT: "Tack, då vet jag att du är vuxen.",
}
ACK_ROLE = {
    "staff": "Tack, då vet jag att du möter unga i ditt arbete.",
    "relative": "Tack för att du berättar.",
    "young": "Tack för att du berättar. Det är bra att du skriver.",
    "victim": "Tack för att du berättar.",
}
ACK_CRIME = "Det du beskriver kan vara brott. Då är polisen viktig att kontakta."
ACK_SECOND_CONCERN = "Jag förstår, det är mer än en sak. Jag tar det mest brådskande först."
ACK_NEW_CONCERN = "Jag förstår."
CHANGED = "Det här tillkommer:"
CHANGED_FIRST = "Börja gärna med {name}."
FOR_THE_YOUNG_TOO = "{name} är en bra första kontakt för dig. Den unga kan också själv ringa eller chatta med {lines}."
# A man told, or asking, after help that began with a line for women (Kvinnofridslinjen): his own help.
FOR_HIM = "För en man eller en kille passar de här kontakterna bättre."
FOR_HIM_ALREADY = "Kontakterna jag gav dig är till för män och killar också. Börja gärna med {name}."
NOTHING_CHANGED = "Kontakterna jag gav dig gäller fortfarande."
DANGER_KEEP = "Hjälpen för det du berättade innan gäller fortfarande:"
SHOW_ALL = "Här är alla kontakter jag har gett dig:"
NO_CONTACTS_YET = "Jag har inte gett dig några kontakter än. Berätta gärna vad det gäller."
CLOSING = "Ta hand om dig. Du är välkommen tillbaka när du vill."
CLOSING_NUMBERS = "Vid akut fara: ring {emergency}. Polisen när det inte är akut: {police}."
CLOSING_EMERGENCY = "Vid akut fara: ring {emergency}."
RESTART = "Vi börjar om från början. Vad gäller det? Välj det som passar bäst, eller skriv med egna ord."
ASK_SITUATION = "Vad gäller det? Välj det som passar bäst, eller skriv med egna ord."
LOCAL_VERSION = "Här är kontakten där du bor:"
LOCAL_VERSIONS = "Här är kontakterna där du bor:"
UNSURE = "Tack för att du skriver. Jag vill vara säker på att du får rätt hjälp. Det här kan vara en bra början:"
UNSURE_QUESTION = "Vad handlar det mest om? Välj det som passar bäst, eller skriv med egna ord."
UNKNOWN = "Berätta gärna lite mer med egna ord, så hittar jag rätt stöd. Är någon i fara just nu: ring {emergency}."
NUDGES = ("Jag förstår.", "Okej.", "Jag finns kvar här.")
# More told about the same case, a sign of what it weighs: heard, and the help given named again.
HEARD = "Tack för att du berättar. Det är just sådant som {name} kan hjälpa till med."
OPEN_QUESTION = "De här kan svara på din fråga och hjälpa dig vidare:"
NOTHING_TO_ADD = "Jag har inget nytt att lägga till just nu, men jag finns kvar här."
DENIED = "Okej."
NOT_IN_DANGER = "Bra att ingen är i fara just nu."
# Right after the emergency answer, someone who wants to die and does not want anyone to come. The line is the
# catalogue's (mind_suicide_line: "Ring Självmordslinjen dygnet runt eller chatta på mind.se").
# Someone about to take their life, or who has taken pills: the emergency number, what to say, and someone to talk to.
DANGER_SUICIDE = ("Ring {emergency} nu och säg var ni är och vad som har hänt, också om någon har tagit tabletter "
                  "eller något annat. Du behöver inte vara ensam med det här: du kan skriva här medan du väntar, och "
                  "Självmordslinjen finns också, dygnet runt.")
DANGER_AGAIN_SUICIDE = ("Ring {emergency} nu, även om det känns svårt. Du behöver inte vara ensam med det här: "
                        "Självmordslinjen finns också där för dig, dygnet runt.")
# "jag vet inte var hon bor" right after the emergency answer.
PLACE_UNKNOWN = "Ring {emergency} även om du inte vet adressen. Berätta det du vet, så hjälper de dig vidare."
IF_IT_CHANGES = "Blir det akut, ring {emergency}."
BOT_PRIVACY = (
    "Jag är en automatisk vägvisare, ingen människa läser det du skriver här. Det sparas inte: samtalet finns bara "
    "kvar en kort stund medan du chattar och raderas sedan. Skriv ändå inte namn, personnummer eller adresser. Jag "
    "kan inte ta emot anmälningar eller tips."
)
# Asked again right after ("vem läser det här?", then "sparas det jag skriver?"): the answer again, in short.
BOT_PRIVACY_AGAIN = "Nej, det du skriver här sparas inte, och ingen människa läser det."

QUESTIONS = {
    "area": "Vilken kommun gäller det? Då kan jag ge dig kontakter där du bor.",
    "area_name": "Skriv namnet på kommunen, till exempel Uppsala eller Södertälje.",
    "age_other": "Hur gammal är den du är orolig för? Det påverkar vilket stöd som passar.",
    "age_self": "Hur gammal är du? Då kan jag ge dig rätt stöd.",
    "what_happens": "Vill du veta vad som händer när du kontaktar {name}?",
    "danger": "Är någon i fara just nu?",
    "anything_else": "Är det något mer du undrar över?",
}
AREA_BUTTONS = (
    Button("Stockholm", '/inform_area{"area":"stockholm"}'),
    Button("Botkyrka", '/inform_area{"area":"botkyrka"}'),
    Button("Annan kommun", '/inform_area{"area":"other"}'),
)
AGE_BUTTONS = (
    Button("Under 18", "/inform_age" + json.dumps({"age_group": UNDER_18})),
    Button("18 eller äldre", "/inform_age" + json.dumps({"age_group": ADULT})),
)
YES_NO = (Button("Ja", "/affirm"), Button("Nej", "/deny"))
SHOW_ALL_BUTTON = Button("Visa alla kontakter", "/show_contacts")

# Answers to questions about a contact, from its fields in the catalogue.
DETAIL = {
    "number": "{name}: {numbers}.",
    "no_number": "{name} har inget telefonnummer i min lista. Kontaktuppgifter finns på {where}.",
    "always_open": "Du når {name} dygnet runt.",
    "open_now": "{name} har öppet just nu ({week}).",
    "closed_now": "{name} har stängt just nu och öppnar {opens} ({week}).",
    "phone_hours": "{name}: {hours}.",
    "unknown_hours": "Jag vet inte öppettiderna för {name}. De finns på {where}.",
    "anonymity": "{name}: {text}",
    "unknown_anonymity": "Jag vet inte säkert om du kan vara anonym hos {name}. Fråga gärna när du tar kontakt.",
    "cost": "{name}: {text}",
    "unknown_cost": "Jag vet inte om det kostar något att kontakta {name}.",
    "languages": "{name} svarar på {languages}.",
    "unknown_languages": "Jag vet inte vilka språk {name} svarar på. Fråga gärna om tolk när du tar kontakt.",
    "what_happens": "{name}: {text}",
    "unknown_what_happens": "Jag har ingen beskrivning av hur det går till hos {name}. Du bestämmer själv hur mycket du berättar.",
    "what_is": "{name}: {text}",
    "reach": "Så når du {name}: {ways}.",
    "reach_phone_only": "{name} kan du nå på telefon: {numbers}. Andra sätt att nå dem känner jag inte till.",
    "reach_unknown": "Jag vet inte fler sätt att nå {name}. Titta på {where}.",
}
DANGER_AGAIN = ("Ring {emergency} nu om du inte redan har gjort det, och stanna där du är säker. Du kan skriva här "
                "medan du väntar.")
# Answers to a question about a step of the legal process (lexicon.PROCESS_TOPICS), each with its source.
PROCESS_ANSWERS = {
    # https://polisen.se/utsatt-for-brott/hjalp-och-stod-fran-samhallet/kontaktforbud/ ("vända dig till din lokala
    # polis på telefonnummer 114 14 eller åklagarmyndighet", "en åklagare eller en domstol som beslutar", "Att
    # överträda ett kontaktförbud är brottsligt").
    "restraining_order": ("Kontaktförbud ansöker du om hos polisen på {police} eller hos Åklagarmyndigheten. Det är en "
                          "åklagare eller en domstol som beslutar. Bryter personen mot förbudet är det ett brott: anmäl "
                          "det till polisen. Är någon i fara just nu, ring {emergency}."),
    # The catalogue's police_exit_coordination, what_happens: "Du behöver inte polisanmäla eller peka ut någon annan."
    "leave_without_naming": ("Den som vill hoppa av behöver inte polisanmäla eller peka ut någon annan för att få "
                             "stöd. Polisens avhopparsamordning och socialtjänsten pratar med dig om hur du vill ändra "
                             "ditt liv och om hotet mot dig. Är du i fara just nu, ring {emergency}."),
    # https://alteneadvokat.se/brottmal/ ("Om du är misstänkt för ett allvarligt brott har du alltid rätt till en
    # offentlig försvarare", "Det är tingsrätten som förordnar"); for one under 18, lagen (1964:167) med särskilda
    # bestämmelser om unga lagöverträdare, 24 § (a public defence counsel unless plainly not needed).
    "defence": ("Den som är misstänkt för ett allvarligare brott, och oftast den som är under 18, får en offentlig "
                "försvarare: en advokat som domstolen utser. Fråga polisen eller åklagaren om det, eller försvararen "
                "när hon eller han är utsedd. Du kan också få stöd själv av socialtjänsten."),
    # https://lexiqon.se/vad-ar-ett-malsagandebitrade-2/ ("Målsäganden behöver inte betala några kostnader", "meddela
    # detta till åklagaren eller polisen") and https://witt-stromer.se/sa-fungerar-det/malsagandebitrade/ ("förordnas
    # av tingsrätten", "biträder dig under förundersökningen samt inför och vid en huvudförhandling").
    "counsel": ("Har du utsatts för brott kan du ha rätt till ett målsägandebiträde: en jurist som hjälper dig under "
                "utredningen och rättegången, utan kostnad för dig. Be om det hos polisen eller åklagaren; det är "
                "domstolen som beslutar. Brottsofferjouren kan förklara hur det går till. Är någon i fara just nu, ring "
                "{emergency}."),
    # https://www.domstol.se/varmlands-tingsratt/amnen/kallad-till-domstol/Att-vittna/ ("Du är skyldig enligt lag att
    # vittna"; afraid: "Kontakta i så fall domstolen i god tid … den person som du är rädd för inte får vara med i
    # rättssalen"), https://www.domarbloggen.se/fredagsfragan/maste-ett-vittne-vara-i-rattssalen/ (by video when there
    # is a threat) and https://www.brottsofferjouren.se (vittnesstöd).
    "witness": ("Blir du kallad som vittne till en rättegång måste du komma och berätta vad du vet. Är du rädd, säg det "
                "till domstolen i god tid: den kan bestämma att den du är rädd för inte får vara i rättssalen när du "
                "berättar, eller låta dig vittna via video. Brottsofferjouren har vittnesstöd: någon som förklarar hur "
                "det går till och kan följa med dig till rätten. Är någon i fara just nu, ring {emergency}."),
    # The catalogue's police_tip_form ("Polisen kan inte lova att du är anonym", JO 1238-2011) and the sources of
    # "witness" above.
    "witness_anonymity": ("Polisen kan inte lova att du är anonym när du vittnar. Är du rädd, säg det till polisen "
                          "och till domstolen: polisen kan bedöma hotet mot dig, och domstolen kan till exempel låta "
                          "dig vittna via video. Brottsofferjouren har vittnesstöd och kan prata med dig om det. Är "
                          "någon i fara just nu, ring {emergency}."),
    # Rättegångsbalken 20 kap. 15 § (an injured party may bring a support person) and https://www.brottsofferjouren.se
    # (support persons and witness support at the courts).
    "support_person": ("Ja. Du kan ha med dig en stödperson i rätten, till exempel någon från Brottsofferjouren. De har "
                       "också vittnesstöd på domstolarna och kan förklara hur det går till. Är någon i fara just nu, ring "
                       "{emergency}."),
    # https://www.skatteverket.se, "Skyddade personuppgifter" (Skatteverket decides on protected personal data, such
    # as sekretessmarkering, for one who risks being harmed).
    "protected_identity": ("Är du rädd att någon ska få veta var du bor kan du ansöka om skyddade personuppgifter, till "
                           "exempel sekretessmarkering, hos Skatteverket. Socialtjänsten och polisen kan hjälpa dig med "
                           "ansökan. Är någon i fara just nu, ring {emergency}."),
    # https://www.socialstyrelsen.se/kunskapsstod-och-regler/omraden/vald-och-brott/ (social services help victims of
    # violence, protected housing among it); the catalogue's Kvinnofridslinjen tells of help where you live.
    "protected_housing": ("Socialtjänsten kan hjälpa den som utsätts för våld eller hot, till exempel med skyddat "
                          "boende. Kontakta socialtjänsten där du bor och berätta att du är rädd. Är någon i fara just "
                          "nu, ring {emergency}."),
    # http://www.kriminalvarden.se/for-familj-och-vanner/besok/ ("Den som är häktad … kan få ta emot besök. Det är
    # alltid häktet eller anstalten som bestämmer"; "skriva ett brev som vi på Kriminalvården förmedlar rätt. Det går
    # inte att ringa") and https://www.kriminalvarden.se/for-domd-eller-haktad/haktad/besok-telefon-och-brev/
    # ("Om du har restriktioner kan det också göra att du inte får ringa").
    "visit": ("Gäller det någon som är gripen kan polisen svara på {police}. Den som sitter häktad kan få besök, men det är "
              "häktet som bestämmer, och har åklagaren beslutat om restriktioner kan kontakten vara begränsad. Vet du "
              "inte var personen sitter kan du skriva ett brev till Kriminalvården, som skickar det rätt; det går inte "
              "att ringa och fråga. Socialtjänsten kan stötta dig och familjen under tiden."),
    # Blackmail and threats on the internet: save the evidence first, never pay, report (polisen in the sources of
    # DONT_PAY below); cut the contact (Kripos, https://www.nettavisen.no/nyheter/innenriks/advarer-mot-organiserte-
    # sexutpressere-pa-nett/3423527547.html: "bryte all kontakt og ikke betale").
    "block": ("Spara först meddelanden och skärmbilder, också på profilen och användarnamnet, så att polisen kan se vad "
              "som har hänt. Sedan kan du sluta svara och blockera. Betala inte och skicka inget mer. Anmäl till "
              "polisen på {police}. Är någon i fara just nu, ring {emergency}."),
    # The catalogue's social services: "tar emot en orosanmälan om du är orolig för ett barn" (a report of concern is
    # about someone under 18); an adult decides over their own help.
    "report_adult": ("En orosanmälan gäller barn under 18. Är den du är orolig för vuxen kan du ändå kontakta "
                     "socialtjänsten och berätta vad du är orolig för, men den vuxna bestämmer själv om hon eller han vill "
                     "ha stöd. Finns det barn i familjen kan en orosanmälan gälla dem. Är någon i fara just nu, ring "
                     "{emergency}."),
    # Which police number: the catalogue's own descriptions of the emergency number ("om någon är i fara just nu, om ett
    # brott pågår eller precis har hänt, eller om du vet att ett brott kommer att begås") and of the police's number
    # ("när det inte är akut, till exempel om du vill anmäla något, lämna ett tips eller fråga polisen om råd").
    "which_number": ("Ring {emergency} om någon är i fara just nu, om ett brott pågår eller precis har hänt, eller om du "
                     "vet att ett brott kommer att begås. Är det inte akut, ring polisen på {police}: där kan du anmäla, "
                     "lämna tips eller fråga om råd."),
    # https://www.aklagare.se/ordlista/f/forundersokning/ (the investigation after a report, led by the police or a
    # prosecutor) and https://polisen.se (the police's non-emergency number for questions about a report).
    "investigation": ("Efter en anmälan utreder polisen eller en åklagare brottet i en förundersökning, om det finns "
                      "skäl till det. Den som har utsatts för brottet kallas målsägande. Hur lång tid det tar varierar. "
                      "Du kan ringa polisen på {police} och fråga hur det går med anmälan. Brottsofferjouren kan stötta "
                      "dig under tiden. Är någon i fara just nu, ring {emergency}."),
}
# Source: http://www.hedersfortryck.se/yrkesverksamma/skolan/vad-skolan-kan-gora/ quoting Skolverket (2010): "När en
# anmälan görs vid ett uppenbart hot måste flickan eller pojken vara i säkerhet innan föräldrarna kontaktas."
PARENTS_LATER = ("Vänta med att kontakta föräldrarna. Finns det ett hot ska eleven vara i säkerhet innan föräldrarna "
                 "kontaktas. Gör en orosanmälan till socialtjänsten och rådgör med dem om hur ni går vidare. Är någon i "
                 "fara just nu, ring {emergency}.")
# "ska jag säga till polisen?" about something the writer knows or has heard (a rumour of a shooting, a pupil's
# weapon). The catalogue's police_tip_form: "Polisen kan inte lova att du är anonym" (JO 1238-2011).
TELL_THE_POLICE = ("Ja, berätta det för polisen. Ring {police} eller lämna ett tips på polisen.se. Polisen kan inte "
                   "lova att du är anonym. Är någon i fara just nu, ring {emergency}.")
# A young person about themselves: "kommer soc säga till mina föräldrar?". Source:
# https://www.ivo.se/faq-block/webbinarium-barnratt-25-mars-2021/samtal-med-barn-mot-vardnadshavarens-vilja/
# ("socialtjänsten får samtala med barn utan vårdnadshavarens samtycke under en utredning").
YOUNG_AND_PARENTS = ("Socialtjänsten får prata med dig utan att dina föräldrar har sagt ja, när de utreder om du behöver "
                     "stöd eller skydd. Säg till dem om du är rädd för vad som händer om dina föräldrar får veta. Du kan "
                     "också prata med Bris först, utan att säga vem du är. Är du i fara just nu, ring {emergency}.")
# Source: https://www.hudiksvall.se/Sidor/Stod-och-omsorg/Orosanmalan---barn-som-far-illa/Anmalningsplikt.html
# ("Skyldigheten att göra en orosanmälan väger tyngre än sekretessen").
SECRECY_AND_REPORT = ("Skyldigheten att göra en orosanmälan väger tyngre än sekretessen och tystnadsplikten: du bryter "
                      "inte mot dem när du anmäler oro för ett barn till socialtjänsten. Du kan ringa socialtjänsten "
                      "och rådgöra först. Är någon i fara, ring {emergency}.")
# Blackmail: the police advise never to pay (polisen, NOA, in https://www.dagens.se/nyheter/polisen-slar-larm-unga-pressas-pa-pengar-for-nakenbilder-online
# "viktigt att aldrig betala utpressarna och att alltid göra en polisanmälan"; "det är vanligt att de som betalar senare
# krävs på mer pengar", polisen in https://sn.se/nyheter/nykoping/artikel/ny-brottsvag-utpressare-hotar-skicka-intima-bilder-till-slakten-/jne0032j).
DONT_PAY = ("Polisen avråder från att betala. Det är vanligt att den som har betalat får nya krav. Anmäl till polisen i "
            "stället, och spara meddelanden och skärmbilder. Är du i fara just nu, ring {emergency}.")
# How to report a threat or a crime to the police, when that is what the question is about.
POLICE_REPORT = ("En polisanmälan gör du på polisen.se eller genom att ringa polisen på {police}. Spara meddelanden, "
                 "skärmbilder och annat som visar vad som har hänt. Brottsofferjouren kan stötta dig, också innan du "
                 "har anmält. Är någon i fara just nu, ring {emergency}.")
# The writer dares not or cannot call during danger: the number still comes first, with a way round it.
CANNOT_CALL = ("Jag förstår att du är rädd. Är någon i fara just nu är {emergency} ändå det snabbaste sättet att få "
               "hjälp. Kan du inte ringa själv, be någon i närheten att ringa. Du kan skriva här medan du väntar.")
# Children where there is violence, told after the help: a report of concern (the catalogue's social services:
# "Gör du en orosanmälan som privatperson kan du vara anonym").
CHILDREN_THERE = ("Finns det barn där kan du göra en orosanmälan till socialtjänsten, så att barnen får stöd och skydd. "
                  "Som privatperson kan du vara anonym. Är någon i fara just nu, ring {emergency}.")
# Waiting for help after calling the emergency number.
WAITING = ("Stanna där du är säker och gör som de sa när du ringde. Öppna bara för polisen eller ambulansen. Ring "
           "{emergency} igen om något ändras. Du kan skriva här under tiden.")
# Anger at the municipality or the bot. IVO takes complaints about social services: https://ivo.se/privatpersoner/
# ("Som privatperson kan du informera IVO om missförhållanden … inom socialtjänsten. Du kan också välja att anmäla ett
# klagomål").
HEARD_THE_ANGER = ("Jag förstår att du är arg och trött på att bli skickad vidare. Jag är en automatisk vägvisare och "
                   "kan inte själv göra något i ärendet. Vill du att kommunen gör något kan du kontakta "
                   "socialtjänsten och be att få prata med någon som kan ta ärendet vidare. Är du missnöjd med hur "
                   "socialtjänsten har skött det kan du klaga till Inspektionen för vård och omsorg (IVO). Är någon i "
                   "fara just nu, ring {emergency}.")
# "kan ni ringa åt mig?": the bot is a program on a web page; it cannot call, send help or see where anyone is.
CALL_FOR_ME_DANGER = ("Jag kan tyvärr inte ringa eller skicka hjälp, jag är en automatisk tjänst. Kan du inte ringa "
                      "{emergency} själv: be en granne eller någon i närheten att ringa, eller ta dig till ett ställe där "
                      "du kan ringa eller få hjälp.")
CALL_FOR_ME = ("Jag kan tyvärr inte ringa eller skicka hjälp, jag är en automatisk tjänst. Är någon i fara, ring "
               "{emergency}. Annars kan du ringa polisen själv eller be någon du litar på att ringa med dig.")
# The same told by staff, who must report (the catalogue's social services: "Den som arbetar med barn har
# anmälningsplikt och kan inte vara anonym").
CHILDREN_THERE_STAFF = ("Finns det barn i familjen ska du göra en orosanmälan till socialtjänsten, så att barnen får "
                        "stöd och skydd. Arbetar du till exempel i skola, vård eller socialtjänst har du anmälningsplikt "
                        "och kan inte vara anonym. Är någon i fara just nu, ring {emergency}.")
# "jag har ringt nu" right after the emergency answer, nothing else known about the case.
HELP_ON_THE_WAY = ("Bra att du har ringt. Stanna där du är säker tills hjälpen är där, och ring {emergency} igen om "
                   "det blir värre. Du kan skriva här medan du väntar.")
AFTER_DANGER = "Här är stöd för det som kommer sedan. Är någon i fara igen, ring {emergency} direkt."
# A maybe-danger read as the conversation going on ("han säger att han inte vågar gå hem idag"): the number stays in sight.
IF_IN_DANGER = "Är någon i fara just nu, ring {emergency}."
# {reassure}: SOC_RARELY_REMOVES and a space, when the person fears that soc takes the child; otherwise empty.
DECLINED = ("Det är okej. Du bestämmer själv vem du vill prata med. {reassure}De här kan också hjälpa dig. "
            "Är någon i fara just nu, ring {emergency}.")
MORE_HELP = "Det finns fler som kan hjälpa. Är någon i fara just nu, ring {emergency}."
NO_MORE_HELP = ("Fler kontakter än de här har jag inte för det du har berättat. Är någon i fara just nu, ring "
                "{emergency}.")
# The social services' own word (data/resources/national.yml, social_services_generic): said to a parent who fears it.
SOC_RARELY_REMOVES = "Det är mycket ovanligt att en orosanmälan leder till att ett barn flyttas från hemmet."
REPORT_RARELY_REMOVES = "Det är mycket ovanligt att en anmälan leder till att ett barn flyttas från hemmet."  # its own words
DECLINED_NO_OTHERS = ("Det är okej. Du bestämmer själv vem du vill prata med. {reassure}Är någon i fara just nu, "
                      "ring {emergency}.")
REACH_WAYS = {"phone": "ring {numbers}", "email": "mejla {email}", "chat": "chatta på {chat}",
              "url": "fler sätt att nå dem står på {url}"}
# "finns det en chatt?" when none of the contacts asked about has one: the chats that fit the person.
CHATS = "Vill du hellre skriva kan du chatta med {names}."
CHATS_FIRST = ("Här kan du chatta i stället för att ringa. Berätta gärna vad det gäller, så kan jag ge dig den "
               "kontakt som passar bäst.")
NO_CHAT = "Jag känner inte till någon chatt för det här. Du kan ringa, och många går också att mejla."
LANGUAGE_NAMES = {
    "sv": "svenska", "en": "engelska", "ar": "arabiska", "so": "somaliska", "fa": "persiska", "prs": "dari",
    "ti": "tigrinja", "tr": "turkiska", "ku": "kurdiska", "fi": "finska", "pl": "polska", "es": "spanska",
    "fr": "franska", "de": "tyska", "ru": "ryska", "uk": "ukrainska", "bs": "bosniska", "sr": "serbiska",
    "hr": "kroatiska", "sq": "albanska", "da": "danska", "az": "azerbajdzjanska", "ps": "pashto",
}


def join_words(items: list[str]) -> str:
    """'a', 'a och b', 'a, b och c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och " + items[-1]
