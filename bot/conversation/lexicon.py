"""Small Swedish word lists the conversation uses next to the classifier.

They answer narrow questions the classifier is not trained for: is this a question about a contact
already shown (and which detail), is the person closing or starting over, does a message carry any
sign of violence, crime, fear or distress. Terms are folded ('oppet' matches 'öppet'); a trailing
'*' matches the start of a word.
"""
from __future__ import annotations

from bot.terms import IndexedTokens, Phrases
from bot.text import fold

# Follow-up questions about a contact: which detail is asked for.
DETAILS: dict[str, Phrases] = {
    # Another way than calling: e-mail, chat, text, a call back, a visit ("kan jag mejla istället?").
    "reach": Phrases.of([
        "mejla", "maila", "mejl", "mail", "mejladress", "mailadress", "e-post", "epost", "skriva till", "skriva istället",
        "skriva till dom", "skriva till dem", "chatta", "chattar", "chatt", "chatten hos", "sms", "sms:a", "smsa",
        "ringa mig", "ringer mig", "ringa upp", "ringer upp", "ringa tillbaka", "ringer tillbaka", "besöka", "komma dit",
        "gå dit", "träffa dom", "träffa dem", "träffa någon", "träffa nån", "boka tid", "istället för att ringa",
        "utan att ringa", "inte ringa", "kan inte ringa",
        # Only as a way to do it: "hon pratar med män på nätet" is not a question about reaching anyone.
        "göra det på nätet", "göra det online", "göra det digitalt", "anmäla på nätet", "anmäla online",
        "anmäla digitalt",
    ]),
    "number": Phrases.of([
        "nummer", "numret", "numren", "telefonnummer", "telefonnumret", "telnr", "tel nr", "nr", "nret",
        "kontaktuppgift*", "hur når jag", "hur nar jag", "ringa dem", "ringa dom", "ringer jag", "adressen till",
    ]),
    "hours": Phrases.of([
        "öppet", "öppen", "öppna", "öppnar", "öppettid*", "stänger", "stängt", "stänga", "har dom öppet",
        "svarar dom", "svarar de", "när kan jag ringa", "dygnet runt", "på helgen", "helger", "på natten",
        "nattetid", "ikväll", "i kväll", "kvällstid", "just nu öppet", "tider",
    ]),
    "anonymity": Phrases.of([
        "anonym*", "vet vem jag är", "veta vem jag är", "säga mitt namn", "säga vem jag är", "mitt namn",
        "spåra*", "spårbart", "tystnadsplikt", "sekretess", "berättar dom", "berättar de", "berätta för mina",
        "får mina föräldrar veta", "får mamma veta", "får pappa veta", "får polisen veta", "ringer dom hem",
        "föräldrar få veta", "mamma få veta", "pappa få veta", "familjen få veta", "får familjen veta",
        "får han veta", "får hon veta", "han få veta", "hon få veta",
        "för mina föräldrar", "till mina föräldrar", "berättar soc", "säger dom till", "säga till mina",
        "ringer de hem", "kontaktar dom mina", "skvallra*", "hemlig*", "diskret",
        "vem som anmälde", "vem som har anmält", "vem som tipsade", "vem som har tipsat", "var jag som tipsade",
        "var jag som anmälde", "att det var jag som",
    ]),
    "cost": Phrases.of([
        "kostar", "kostnad", "gratis", "avgift*", "betala", "telefonräkning*", "räkningen", "syns på räkningen",
        "pengar att ringa", "kostnadsfritt",
    ]),
    "languages": Phrases.of([
        "språk", "språket", "engelska", "arabiska", "somaliska", "persiska", "dari", "tigrinja", "turkiska",
        "kurdiska", "finska", "polska", "tolk", "tolken", "pratar dom", "pratar de", "på mitt språk",
    ]),
    "what_happens": Phrases.of([
        "vad händer", "vad hander", "vad säger jag", "vad ska jag säga", "vad frågar", "hur går det till",
        "vad gör dom", "vad gör de", "hur funkar", "hur fungerar", "vad blir det", "vad sker", "sen då",
        "vad gör man sen", "hur brukar det gå",
    ]),
    "what_is": Phrases.of(["vad är", "vilka är", "vem är", "vad gör", "vad jobbar", "vad hjälper", "vad erbjuder",
                           "vad e", "va e", "vad ä", "vad betyder"]),
}
# Thanks that open or end a message: after the help it closes the conversation ("Tack, vi gör en polisanmälan
# idag", "nu fick jag tag på socialjouren, tack"), unless the person says there is more (MORE_TO_SAY).
THANKS_WORDS = frozenset({"tack", "tackar", "thx", "tacksam", "tacksamma", "thanks", "thank", "tackkk", "tackk"})
MORE_TO_SAY = Phrases.of(["förresten", "en sak till", "en fråga till", "en annan sak", "också", "dessutom", "en till sak"])
# A message that opens by saying there is more ("förresten, …", "en sak till: …").
MORE_OPENINGS = (("förresten",), ("dessutom",), ("en", "sak", "till"), ("en", "annan", "sak"), ("och", "en", "sak"))


def opens_with_more(tokens: IndexedTokens) -> bool:
    said = tokens.tokens
    return any(said[:len(opening)] == tuple(fold(w) for w in opening) for opening in MORE_OPENINGS)


# A word of agreement before the thanks ("ok tack, jag pratar med honom ikväll") still opens with thanks.
THANKS_LEAD_INS = frozenset({"ok", "okej", "okey", "okay", "oki", "ja", "jaha", "aha", "bra", "toppen", "perfekt", "super"})
THANKS_MAX_WORDS = 20


def says_thanks(tokens: IndexedTokens, text: str) -> bool:
    """The message opens or ends with thanks and says nothing more is coming: no question, no "men" right after
    the thanks ("tack men hans pappa slår honom hemma"), no "förresten", at most THANKS_MAX_WORDS words."""
    said = tokens.tokens
    if not said or "?" in text or len(said) > THANKS_MAX_WORDS or MORE_TO_SAY.found_in(tokens):
        return False
    start = 1 if said[0] in THANKS_LEAD_INS and len(said) > 1 else 0
    if said[start] in THANKS_WORDS:
        return said[start + 1:start + 2] != ("men",)
    return said[-1] in THANKS_WORDS


CLOSING = Phrases.of([
    "tack", "tackar", "tack så mycket", "tusen tack", "hej då", "hejdå", "hej hej", "ha det", "ha det bra",
    "det var allt", "det räcker", "bye", "vi hörs", "god natt", "godnatt", "ha en bra dag", "thx", "tacksam",
    # "ok ska testa": the person goes to try the help.
    "ska testa", "ska prova", "testar det", "provar det", "jag testar", "jag provar", "ska göra det",
    "jag ringer dom", "jag ringer dem", "ska ringa dom", "ska ringa dem", "ska höra av mig",
])
# A greeting word with one of these is a goodbye ("ok hej", "tack hej hej").
LEAVING = Phrases.of(["ok", "okej", "okey", "oki", "okay", "tack", "då", "hejdå", "bye"])
# A message of only these words, after the help was given, is the person leaving ("okej", "aight", "ok bra").
ACKNOWLEDGING = frozenset(fold(w) for w in (
    "ok", "okej", "okey", "oki", "okay", "aight", "ait", "uppfattat", "toppen", "perfekt", "förstår", "förstått",
    "fattar", "kanon", "schysst", "nice",
))
# … and these may stand beside them ("okej bra", "ok jag fattar").
ACKNOWLEDGING_TOO = frozenset(fold(w) for w in (
    "jag", "då", "bra", "fint", "hej", "jaha", "aha", "ah", "mm", "mmm", "ja", "jo", "haha", "hahaha", "lol", "asså",
))
# An opening that says nothing yet of what it is about ("hej jag vet inte riktigt vart jag ska vända mig").
VAGUE = Phrases.of(["vart jag ska vända mig", "vart ska jag vända mig", "var jag ska vända mig", "vart vänder jag mig",
                    "vart vänder man sig", "vet inte vart jag ska vända",
                    "vet inte om jag är rätt här", "är jag rätt här", "jag har en fråga", "har en fråga",
                    "behöver prata med någon", "behöver prata med nån", "vill prata med någon", "vill prata med nån",
                    "behöver hjälp", "behöver råd", "vet inte var jag ska börja", "vet inte hur jag ska börja",
                    "kan jag fråga en sak", "får jag fråga en sak", "det gäller min", "det gäller mitt",
                    "det gäller mina", "det handlar om min", "det handlar om mitt", "det handlar om mina"])
# "finns det något annat?" after the help: more contacts for the same case, not a new start.
ASK_OTHER = Phrases.of(["finns det något annat", "finns det nåt annat", "finns det inget annat", "finns det andra",
                        "finns det någon annan", "finns det nån annan", "någon annan jag kan", "nån annan jag kan",
                        "något annat ställe", "nåt annat ställe", "andra ställen", "något mer jag kan", "nåt mer jag kan",
                        "vad finns det annars", "vad finns det mer", "vad mer finns det", "vad finns det då",
                        "vem kan jag prata med då", "vem ska jag prata med då"])
RESTART = Phrases.of(["börja om", "borja om", "starta om", "ny fråga", "annan fråga", "något annat", "nagot annat",
                      "nytt ämne", "glöm det", "glom det"])
AFFIRM = Phrases.of(["ja", "japp", "jajamen", "jo", "absolut", "gärna", "ja tack", "okej", "ok", "visst", "yes", "jepp",
                     "precis", "stämmer", "det stämmer", "exakt", "aa", "ja gärna"])
DENY = Phrases.of(["nej", "nä", "nej tack", "inte nu", "behövs inte", "nope", "nää", "nix", "stämmer inte", "fel"])
# The first word of a no to "Är någon i fara just nu?" ("nej han är inte här nu"), or words that say so anywhere.
NO_WORDS = frozenset(fold(w) for w in ("nej", "nä", "nää", "näe", "nope", "no", "nix", "nejdå", "nädå"))
# … and these say it whatever the bot asked.
NO_DANGER = Phrases.of(["inte i fara", "inte akut", "ej akut", "inget akut", "ingen fara", "inte farligt längre",
                        "ingen akut", "ingen är i fara", "ingen e i fara", "ingen i fara", "inte farlig just nu",
                        "inte farliga just nu"])
NOT_ACUTE = Phrases.of(["inte akut", "ej akut", "inget akut", "ingen fara", "inte i fara", "inte farligt", "ingen akut",
                        "inte farlig", "inte farliga", "ingen är i fara", "ingen e i fara",
                        "inte nu", "inte just nu", "inte här nu", "inte hemma nu", "inte här längre",
                        "inte hemma längre",
                        # A correction of the emergency answer: it happened before ("nej det var i natt").
                        "det var i natt", "det var inatt", "det var igår", "det var i går", "det hände i natt",
                        "det hände igår", "det har redan hänt", "det är över"])
# "inte nu" after a verb of something not happening that should ("han svarar inte nu", "hon andas inte nu"): worse,
# not over. Such a message is never a no to danger.
NOT_RESPONDING = Phrases.of([
    "svarar inte", "svarar ej", "svarade inte", "andas inte", "andas knappt", "rör sig inte", "vaknar inte",
    "går inte att nå", "når inte", "når honom inte", "når henne inte", "hittar inte", "hittar honom inte",
    "hittar henne inte", "vet inte var", "vet inte vart", "kommer inte hem", "har inte kommit hem",
])
# The person is safe now, in their own words ("nej jag e safe nu", "det är lugnt nu"): the danger is over.
SAFE_NOW = Phrases.of(["safe", "i säkerhet", "är säker nu", "e säker nu", "är trygg nu", "e trygg nu", "är lugnt nu",
                       "e lugnt nu", "lugnt nu", "har gått nu", "har åkt nu", "har stuckit", "drog därifrån",
                       "han har gått", "hon har gått", "dom har gått", "de har gått", "han har åkt", "dom har åkt",
                       "de har åkt", "är borta nu"])
# Where the person in danger is, unknown ("jag vet inte var hon bor exakt"): the emergency number still comes first.
PLACE_UNKNOWN = Phrases.of(["jag vet inte var", "jag vet inte vart", "ja vet inte var", "jag vet ej var", "vi vet inte var",
                            "vi vet inte vart", "jag vet inte adressen", "vet inte exakt var", "jag vet inte exakt var",
                            "vet inte var", "vet inte vart", "vet ej var"])
# Where a second clause begins ("nej inte nu, men dom kommer ikväll").
BUT_WORDS = frozenset({"men", "fast", "but", "utom"})
SHOW_ALL = Phrases.of(["visa alla", "alla kontakter", "alla nummer", "alla numren", "visa igen", "en gång till",
                       "igen", "repetera", "upprepa"])

# After the emergency answer: help is on its way or there ("har ringt 112 nu och polisen är på väg").
# After danger: the writer does not dare or cannot call ("jag vågar inte ringa, han vet vem jag är").
CANNOT_CALL = Phrases.of([
    "vågar inte ringa", "kan inte ringa", "törs inte ringa", "vill inte ringa polisen", "vill inte ringa 112",
    "kan inte prata", "han hör mig", "hon hör mig", "dom hör mig", "de hör mig",
    # Session 17: someone else stops the call ("han vill inte att jag ringer polisen").
    "vill inte att jag ringer", "får inte ringa", "inte att jag ringer", "vill inte att vi ringer",
])
# Children in a home with violence ("det finns små barn där också"), told after the help for the adults.
CHILDREN_THERE = Phrases.of([
    "små barn", "barn där", "barnen där", "det finns barn", "de har barn", "dom har barn", "har små barn",
    "barnen hemma", "barnen ser", "barnen hör", "barnen var hemma", "barn i familjen", "barn i lägenheten",
    "barnen är hemma", "barnen såg", "barnen hörde", "bebis", "bebisen", "ett barn där", "två barn", "tre barn",
    "har ett barn", "har barn", "små barn",
])
# The person asks the bot to call or send help ("kan ni ringa åt mig", "skicka polisen"): it cannot.
CALL_FOR_ME = Phrases.of([
    "ringa åt mig", "ringa för mig", "ring åt mig", "ring för mig", "kan ni ringa polisen", "kan du ringa polisen",
    "kan ni ringa 112", "kan du ringa 112", "skicka polisen", "skicka hjälp", "ringa polisen åt mig", "ringa 112 åt mig",
    "larma åt mig", "kan ni larma", "kan du larma", "kan ni ringa åt", "kan du ringa åt",
])
# Someone held by the police or in custody ("polisen tog min son igår", "han sitter häktad").
HELD = Phrases.of(["polisen tog", "är gripen", "blev gripen", "har gripits", "är anhållen", "blev anhållen", "häktad*",
                   "sitter häktad", "sitter i häktet", "sitter inne", "i häktet", "anhållen", "gripen"])
# Right after the emergency answer: the writer has called ("jag har ringt dom", "har ringt 112, de är på väg").
CALLED = Phrases.of(["har ringt", "ringt dom", "ringt dem", "ringt 112", "ringt polisen", "ringde 112", "ringde polisen",
                     "ringde dom", "ringde dem", "har larmat", "larmade"])
# Waiting for the police or the ambulance after calling ("vad gör jag nu medans jag väntar").
WAITING = Phrases.of(["medan jag väntar", "medans jag väntar", "medan vi väntar", "medans vi väntar", "tills dom kommer",
                      "tills de kommer", "tills polisen kommer", "tills ambulansen kommer", "vad gör jag så länge",
                      "vad ska jag göra så länge"])
# Anger at the municipality or the bot ("ni gör ju ingenting", "skit i era jävla nummer"): heard, and what can be done.
ANGRY_AT_US = Phrases.of([
    "ni gör ju ingenting", "ni gör ingenting", "ni gör inget", "ni gör ju inget", "ni på kommunen", "skit i era",
    "era jävla", "jävla nummer", "fler nummer", "vill inte ringa nåt nummer", "vill inte ringa något nummer",
    "vill att ni gör", "ni hjälper inte", "ni hjälper ingen", "ni bryr er inte", "kommunen gör ingenting",
    "kommunen gör inget", "kommunen bryr sig inte",
    "läser du ens", "läser ni ens", "lyssnar du ens", "lyssnar ni ens",
    # Session 18: "ni hjälper ju inte", "jag har redan ringt soc tre gånger och ingen har ringt tillbaka".
    "ni hjälper ju inte", "hjälper ju inte", "ni gör ju inget", "ni gör ju ingenting", "soc gör ingenting",
    "soc gör inget", "socialtjänsten gör ingenting", "ingen har ringt tillbaka", "ingen ringer tillbaka",
    "ringer aldrig tillbaka", "ringde aldrig tillbaka", "har redan ringt soc", "redan ringt dom", "redan ringt dem",
])
# Words a question about this chat's privacy has ("sparas det jag skriver?", "kan polisen se chatten?"): without any,
# "vet inte varför jag skriver här" or "kan jag bo nån annanstans" is no such question, whatever the classifier read.
PRIVACY_WORDS = Phrases.of([
    "spara*", "anonym*", "se", "ser", "syns", "synas", "sett", "läsa", "läser", "läst", "loggas", "logga*", "spår*",
    "ip", "ip-adress*", "namn", "namnet", "uppge", "vem jag är", "vilka vi är", "veta", "reda", "anmäl*", "anmälan",
    "tystnadsplikt", "sekretess", "delas", "dela", "raderas", "radera*", "personuppgift*", "gdpr", "nummer", "numret",
    "uppgift*", "krypter*", "registrer*", "säkert", "säker", "hacka*", "lämnas", "lagras", "lagra*", "vidare",
    "hemlig*", "integritet", "cookies", "kakor", "privat", "vart tar", "skickas", "till soc", "till polisen",
    "till socialtjänsten", "till skolan", "mejl", "mail",
])
# The same when the classifier only guessed it (below its fallback threshold): a word of this chat itself, so "Får jag
# som lärare veta något?" (about a report of concern) is not taken for a question about what is saved here.
PRIVACY_GUESSED = Phrases.of([
    "skriver här", "skrivit här", "skriva här", "skrev här", "chatten", "chatt*", "det här", "den här", "här inne",
    "spara*", "loggas", "logga*", "anonym*", "ip", "ip-adress*", "spår*", "radera*", "personuppgift*", "gdpr",
    "tystnadsplikt", "sekretess", "lagras", "krypter*", "registrer*", "hacka*",
])
# A chat asked for ("finns det en chatt?", "kan jag skriva istället för att ringa?").
CHAT = Phrases.of(["finns det chatt", "finns det en chatt", "finns det nån chatt", "finns det någon chatt",
                   "finns det chattar", "kan jag chatta", "kan man chatta", "går det att chatta", "chatta med någon",
                   "chatta med nån", "chatta nånstans", "chatta någonstans", "har dom chatt", "har de chatt",
                   "har dom en chatt", "har de en chatt", "nån chatt", "någon chatt", "skriva istället",
                   "skriva i stället", "istället för att ringa", "i stället för att ringa"])
# Right after the emergency answer: the person is still there, or alone with it ("jag är ensam hemma").
STILL_THERE = Phrases.of([
    "ensam hemma", "jag är ensam", "ja e ensam", "jag är själv hemma", "själv hemma", "han är kvar", "hon är kvar",
    "dom är kvar", "de är kvar", "han står kvar", "han står utanför", "han är fortfarande här", "barnen är här",
    "barnen är hemma", "barnen sover", "själv med barnen", "ensam med barnen", "jag är själv", "ja e själv",
    "han vet att jag skriver", "han vet att jag är här", "han letar efter mig", "hon letar efter mig",
])
HELP_ARRIVED = Phrases.of([
    "ringt 112", "ringde 112", "ringt polisen", "ringde polisen", "polisen är här", "polisen är på väg",
    "polisen kom", "polisen har kommit", "polisen har varit här", "polisen tog", "polisen körde", "ambulansen är här",
    "ambulansen är på väg", "ambulansen kom", "ambulansen har kommit", "är gripen", "blev gripen", "har gripit",
    "ingen är skadad", "ingen skadad", "han lever", "hon lever",
    # Session 12: "polisen har tagit honom nu", "polisen e här nu" (teen chat), "polisen grep dom".
    "polisen har tagit", "polisen e här", "polisen e på väg", "polisen grep", "polisen har gripit", "ambulansen e här",
    "polisen är där", "polisen e där",
    # Session 17: "jag har ringt nu" right after the emergency answer.
    "har ringt nu", "nu har jag ringt", "nu har vi ringt", "jag ringer nu", "ja ringer nu", "vi ringer nu",
])
# Any sign of violence, crime, fear, threat, extremism, gangs or distress: such a message is never
# "out of scope", even when the classifier is unsure what it is about.
SIGNS = Phrases.of([
    "våld*", "slå*", "slog", "slagen", "misshandl*", "hot*", "rädd*", "orolig*", "oro", "ängslig*", "skräck*",
    "vapen", "kniv*", "pistol*", "skjut*", "sköt", "skott*", "spräng*", "bomb*", "explosion*", "gäng*", "kriminell*",
    "brott*", "polis*", "knark*", "droger", "drog", "langa*", "säljer", "rån*", "inbrott*", "stöld*", "stulit",
    "stal", "extrem*", "radikal*", "nazi*", "rasist*", "terror*", "jihad*", "islamist*", "hat*", "trakasser*",
    "mobb*", "utpress*", "skuld*", "tvinga*", "döda", "död", "dog", "mord*", "självmord*", "ta livet",
    "skada mig", "skadar mig", "ångest*", "mår dåligt", "mår skit", "deppig*", "ledsen", "ensam", "otrygg*",
    "fara", "farlig*", "ont", "blåmärk*", "våldt*", "övergrepp*", "kränk*", "sorg*", "saknar", "chock*",
    "soc", "socialen", "socialtjänst*", "orosanmäl*", "polisanmäl*", "uppdrag", "rekryt*", "avhopp*", "hoppa av",
    "vill lämna", "lämna gänget", "erbjuden pengar", "erbjöd pengar", "erbjudit pengar", "hämta en grej",
    "springa ärenden", "skicka paket", "skickar paket", "heder*", "gifta bort", "kontroll*", "förföljer", "förföljd", "stalk*", "rymt", "försvunn*",
])
# Feelings and what weighs, told after the help was given ("jag kan inte sova", "alla i skolan har sett den", "🥺"):
# heard, and the help named again, not "Okej.".
FEELINGS = Phrases.of([
    "kan inte sova", "kan inte gå ut", "vågar inte", "vet inte vad jag ska", "vet inte vad vi ska", "fattar inte",
    "förstår inte varför", "orkar inte", "klarar inte", "mår så dåligt", "mår inte bra", "mår dåligt", "gråter",
    "grät", "jobbigt", "tungt", "svårt", "skäms", "skam", "mitt fel", "fel på mig", "vill inte åka", "vill inte bli",
    "är borta", "e borta", "saknar", "alla vet", "alla snackar", "alla i skolan", "har sett den", "har sett dom",
    "blev sur", "blir sur", "snäll också", "snäll oxå", "snäll ocksa", "jätterädd", "panik",
    "inte sovit", "har inte sovit", "vill prata med någon", "vill prata med nån", "vill bara prata",
])
FEELING_SIGNS = frozenset("💔😢😭🥺😔😞😟😥😰😓")
# The person asks about this chat itself, not about a contact.
ABOUT_THE_BOT = Phrases.of([
    "chatten", "den här chatten", "boten", "här", "sparas", "sparar", "det jag skriver", "loggas", "du sparar",
    "vägvisaren", "ni sparar", "du ser", "ni ser", "vad jag skriver", "vad jag skrivit", "det jag skrivit",
    "mina meddelanden", "det här samtalet", "samtalet här",
])
# A crime is described: the police come earlier in the list of contacts.
CRIME = Phrases.of([
    "säljer knark", "säljer droger", "säljer gräs", "langar", "langa", "knark", "vapen", "kniv", "pistol",
    "rånade", "rånat", "rånar", "rån", "stjäl", "stjäler", "stulit", "stal", "inbrott", "misshandlade",
    "misshandlat", "slog ner", "hotade", "hotat", "hotar", "brott", "sprängde", "sprängt", "skjutit",
    "gömmer", "gömt", "förvarar", "bär på", "springer ärenden", "uppdrag", "utpressar", "utpressning",
])
# A young person's age said in words.
SCHOOL_YEAR_AGES = {
    "sexan": 12, "sjuan": 13, "åttan": 14, "nian": 15, "gymnasiet": 17, "mellanstadiet": 11, "lågstadiet": 8,
    "högstadiet": 14, "6an": 12, "7an": 13, "8an": 14, "9an": 15, "6:an": 12, "7:an": 13, "8:an": 14, "9:an": 15,
}
AGE_WORDS = {
    "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17,
    "arton": 18, "nitton": 19, "tjugo": 20,
}
# Which kind of concern a professional or a relative is describing, when the classifier only saw
# "a worry": the local contacts differ (the CVE line is for violent extremism only).
TOPIC_CUES: dict[str, Phrases] = {
    "worried_extremism": Phrases.of([
        "extrem*", "våldsbejakande", "radikalis*", "nazi*", "nazism*", "rasist*", "vit makt", "white power",
        "islamist*", "jihad*",
        "is-propaganda", "daesh", "terror*", "autonom*", "vänsterextrem*", "högerextrem*", "incel*", "skolskjut*",
        "manifest", "propaganda", "hakkors*", "nmr", "nordiska motståndsrörelsen", "kalifat*", "islamiska staten",
        "om is", "med is", "till is", "för is", "isis",
        # Session 16: what a parent hears from a child drawn in online ("skrek heil i headsetet").
        "heil", "sieg heil", "1488", "svarta solen", "sverige för svenskar", "great replacement", "folkutbyte*",
    ]),
    # Session 16: a teacher about a pupil's family ("hennes bröder kontrollerar henne", "ska giftas bort").
    "violence_close_relationship": Phrases.of([
        "heder*", "giftas bort", "gifta bort", "bortgift*", "tvångsgift*", "tvångsäktenskap*", "kontrollerar henne",
        "kontrollerar honom", "våld hemma", "slår henne hemma", "slår honom hemma", "pappa slår", "mamma slår",
        # Session 17: a partner named by staff ("en elev som är 18 blir slagen av sin man").
        "av sin man", "av sin pojkvän", "av sin kille", "av sin sambo", "av sin fru", "av sin flickvän", "av sin partner",
        "av sitt ex", "hennes man slår", "hennes pojkvän slår", "hennes kille slår", "hans flickvän slår", "hans fru slår",
        "pojkvännen slår", "pojkvän slår", "pojkvännen har slagit", "pojkvännen kontrollerar", "sambon slår", "sambo slår",
        "flickvännen slår", "flickvän slår", "maken slår", "frun slår", "exet hotar", "exet förföljer", "av pojkvännen",
        "av sambon", "av maken", "av flickvännen", "kontrollerar hennes mobil", "kontrollerar hans mobil",
        "mitt ex", "exet", "min exman", "min exsambo", "min expojkvän", "min exflickvän", "min exfru", "min ex",
        "svartsjuk*", "kontrollerande",
    ]),
    "worried_gang": Phrases.of([
        "gäng*", "kriminell*", "knark*", "langa*", "säljer", "droger", "uppdrag", "springpojk*", "rekryt*",
        "nätverk*", "äldre killar", "äldre kompisar", "två mobiler", "dyra kläder", "skjutning*", "grabbarna",
    ]),
}
# Someone died ("skjuten ihjäl", "dog", "begravningen"): grief, whatever else was seen.
SOMEONE_DIED = Phrases.of(["skjuten ihjäl", "sköts ihjäl", "skjutits ihjäl", "knivhuggen till döds", "dödad", "dödades",
                           "mördad", "mördades", "dog", "har dött", "dött", "begravning*", "blev dödad", "omkom"])
# A partner who hits ("blir slagen av sin kille", "hennes pojkvän slår henne"): a crime read as violence in a
# relationship.
PARTNER_HITS = Phrases.of([
    "av sin kille", "av sin pojkvän", "av sin man", "av sin sambo", "av sin fru", "av sin flickvän", "av sin tjej",
    "av sitt ex", "av hennes kille", "av hennes pojkvän", "av hennes man", "av pojkvännen", "av sambon", "av maken",
    "hennes kille slår", "hennes pojkvän slår", "hennes man slår", "pojkvännen slår", "sambon slår", "maken slår",
    "min pojkvän slår", "min kille slår", "min man slår", "min sambo slår", "min fru slår", "min tjej slår",
    "min flickvän slår", "mitt ex slår", "exet slår",
])
# The writer works at this kind of service ("jag är socialsekreterare"): it is not the first contact to give them.
OWN_SERVICE: dict[str, Phrases] = {
    "social_services": Phrases.of([
        "socialsekreterare", "jobbar på soc", "jobbar på socialen", "jobbar på socialtjänsten", "jobbar inom soc",
        "jobbar inom socialtjänsten", "arbetar på socialtjänsten", "arbetar inom socialtjänsten", "vi på soc",
        "här på soc", "vi på socialtjänsten", "jobbar på barn och unga", "handläggare på soc", "utredare på soc",
    ]),
    "youth_outreach": Phrases.of([
        "jag är fältassistent", "jag är fältare", "jobbar som fältassistent", "jobbar som fältare", "vi fältare",
        "vi fältassistenter",
    ]),
}
# A question about the police's part of the process ("ska vi polisanmäla?", "måste jag vittna?"): the police and
# victim support answer it, unless social services' part is asked about too ("orosanmälan", "LVU").
POLICE_PROCESS = Phrases.of([
    "polisanmäl*", "anmäla till polisen", "anmäler till polisen", "anmäla det till polisen", "anmäla honom",
    "anmäla henne", "anmäla dom", "anmäla dem", "vittna*", "vittne*", "vittnesmål*", "förhör*", "förhöra*",
    "rättegång*", "rätten", "åklagar*", "kontaktförbud*", "målsägande*", "förundersökning*", "polisutredning*",
    "anmäla hot", "anmäla hotet", "anmäla brottet", "anmäla misshandeln",
])
SOCIAL_SERVICES_PROCESS = Phrases.of([
    "orosanmäl*", "soc", "socialen", "socialtjänst*", "lvu", "anmälningsplikt*", "anmälningsskyld*", "omhänderta*",
    "placer*", "familjehem*", "hvb",
])
# "ska vi anmäla?", "hur anmäler man sånt": after a threat or a crime, a report to the police.
TO_REPORT = Phrases.of(["anmäla", "anmäler", "anmälan", "anmäl", "anmält", "göra en anmälan", "polisanmäl*"])
# "kan jag inte bara betala?" after a threat or blackmail.
ASK_PAY = Phrases.of(["bara betala", "ska jag betala", "ska vi betala", "borde jag betala", "borde vi betala",
                      "om jag betalar", "om vi betalar", "kan jag betala", "kan vi betala", "bara swisha",
                      "ska jag swisha", "om jag swishar"])
SECRECY = Phrases.of(["sekretess*", "tystnadsplikt*"])
# A young person asks whether their parents will know ("kommer soc säga till mina föräldrar?", "utan att pappa vet").
PARENTS_TOLD = Phrases.of([
    "till mina föräldrar", "för mina föräldrar", "mina föräldrar får veta", "föräldrarna får veta", "pappa får veta",
    "mamma får veta", "utan att pappa vet", "utan att mamma vet", "utan att mina föräldrar", "utan att föräldrarna",
    "säga till pappa", "säga till mamma", "berätta för pappa", "berätta för mamma", "ringa mina föräldrar",
    "kontakta mina föräldrar", "min familj får veta", "familjen får veta",
    "mina föräldrar få veta", "föräldrarna få veta", "pappa få veta", "mamma få veta", "min familj få veta",
    "familjen få veta", "berätta för mina föräldrar", "berätta för min familj", "till min familj", "för min familj",
])
# "ska jag säga till polisen?", "borde vi tipsa polisen om det?"
TELL_THE_POLICE = Phrases.of(["säga till polisen", "säga det till polisen", "berätta för polisen", "berätta det för polisen",
                              "tipsa polisen", "tipsa snuten", "säga till snuten", "säga till aina", "gå till polisen med"])
# The writer has reported it already ("vi har anmält", "jag är kallad till rättegången"): `writer: reported` routes.
ALREADY_REPORTED = Phrases.of([
    "har anmält", "redan anmält", "har polisanmält", "har gjort en anmälan", "har gjort en polisanmälan",
    "gjorde en anmälan", "gjorde en polisanmälan", "anmälde det", "anmälde honom", "anmälde henne", "anmälde dom",
    "polisanmälde", "berättat för polisen", "pratat med polisen", "kallelse till rättegång*", "kallad till rättegång*",
    "kallad som vittne", "kallelse till förhör",
    "kallad till förhör", "det blir rättegång", "rättegången är", "polisen utreder", "åklagaren har",
])
# … not when denied ("fast man inte har polisanmält", "vi har inte anmält än").
NOT_REPORTED = Phrases.of(["inte har anmält", "inte har polisanmält", "har inte anmält", "har inte polisanmält",
                           "inte anmält", "inte polisanmält", "aldrig anmält", "ej anmält", "inte gjort en anmälan",
                           "inte gjort någon anmälan", "inte gjort nån anmälan"])
# The writer will not report to the police ("jag vill inte polisanmäla henne"); not others who dare not.
WONT_REPORT = Phrases.of(["vill inte anmäla", "vill inte polisanmäla", "tänker inte anmäla", "tänker inte polisanmäla",
                          "ska inte anmäla", "ska inte polisanmäla", "vill inte göra en polisanmälan",
                          "vill inte göra någon polisanmälan", "vill inte göra nån polisanmälan"])
# A question without a question mark ("jag undrar om jag måste vittna").
WONDERS = Phrases.of(["undrar", "vill veta", "vill fråga", "har en fråga"])
# Questions about a step of the legal process, each answered by one sourced text (phrases.PROCESS_ANSWERS), checked
# in this order: "kan jag få kontaktförbud?", "måste jag vittna?", "kan hon få ett målsägandebiträde?". Not in a
# question about social services' part ("har jag rätt till advokat om de vill omhänderta min dotter?").
PROCESS_TOPICS: dict[str, Phrases] = {
    "restraining_order": Phrases.of(["kontaktförbud*", "besöksförbud*"]),
    "leave_without_naming": Phrases.of(["hoppa av utan att gola", "ut utan att gola", "hoppa av utan att tjalla",
                                        "utan att peka ut", "måste jag gola om jag hoppar av", "måste jag ange"]),
    "visit": Phrases.of(["besöka honom", "besöka henne", "hälsa på honom", "hälsa på henne", "var sitter han",
                         "vart sitter han", "var sitter hon", "vart sitter hon", "vilket häkte", "få träffa honom",
                         "få träffa henne", "besök i häktet", "besöka min son", "besöka min dotter", "besöka i häktet",
                         "skriva till honom i häktet", "prata med honom i häktet", "får jag träffa honom",
                         "får jag träffa henne", "får vi träffa honom", "får vi träffa henne", "får jag se honom",
                         "får jag prata med honom", "får vi prata med honom"]),
    "defence": Phrases.of(["försvarare", "försvarsadvokat*", "advokat åt honom", "advokat åt henne",
                           "advokat till honom", "advokat till henne", "advokat åt min son", "advokat åt min dotter"]),
    "support_person": Phrases.of(["stödperson*", "ha med mig nån", "ha med mig någon", "ha med mig en",
                                  "följa med mig till rätten", "följa med mig i rätten", "följa med mig till rättegången",
                                  "någon som kan följa med mig", "nån som kan följa med mig", "nån som följer med"]),
    "protected_identity": Phrases.of(["skyddade personuppgifter", "skyddad identitet", "sekretessmarkering",
                                      "få veta min adress", "hitta min adress", "få reda på var jag bor",
                                      "få veta var jag bor", "få reda på min adress", "skydda min adress"]),
    "witness": Phrases.of(["vittna", "vittnar", "vittnet", "som vittne", "vittnesmål*", "gola", "golar", "tjalla",
                           "måste jag gå på rättegången", "måste jag gå till rättegången", "måste jag vara med i rätten",
                           "måste jag träffa dom", "måste jag träffa honom", "måste jag se honom"]),
    "counsel": Phrases.of(["målsägandebiträde*", "advokat*", "jurist*", "juridisk hjälp"]),
    "protected_housing": Phrases.of(["skyddat boende", "skyddade boenden", "skyddsboende", "bo nån annanstans",
                                     "bo någon annanstans"]),
    "block": Phrases.of(["blockera*", "blocka", "blockar", "blockat", "radera bilderna", "radera meddelandena",
                         "ta bort meddelandena", "svara honom", "svara henne", "svara dom", "svara på meddelandena"]),
    "report_adult": Phrases.of(["orosanmälan ens", "gäller orosanmälan", "orosanmälan för vuxna", "orosanmälan om en vuxen",
                                "orosanmäla en vuxen", "orosanmälan på en vuxen", "orosanmälan fast", "orosanmäla henne",
                                "orosanmäla honom", "göra en orosanmälan om henne", "göra en orosanmälan om honom",
                                "ska jag göra en orosanmälan", "måste jag göra en orosanmälan", "måste jag orosanmäla",
                                # Any question of one, when the case is about an adult (turn._process_question).
                                "orosanmälan", "orosanmäla", "orosanmäler"]),
    "investigation": Phrases.of(["förundersökning*", "hur lång tid tar det innan polisen", "när hör polisen av sig",
                                 "hur länge tar det innan polisen", "hör polisen av sig", "vad händer med anmälan",
                                 "vad händer med min anmälan", "vad händer efter anmälan", "vad händer nu med anmälan",
                                 "innan rättegången", "tills rättegången", "när blir rättegången",
                                 "vad innebär det att vara målsägande", "vad är målsägande", "vad betyder målsägande"]),
    # Last: a question about which police number, when nothing above fits ("ska jag ringa 112?").
    "which_number": Phrases.of(["ska jag ringa 112", "ska vi ringa 112", "borde jag ringa 112", "borde vi ringa 112",
                                "ska man ringa 112", "ringa 112 eller", "112 eller 114", "ska jag ringa polisen",
                                "ska vi ringa polisen", "borde jag ringa polisen", "borde vi ringa polisen",
                                "ska man ringa polisen", "ringa polisen eller", "ska jag gå till polisen",
                                "ska vi gå till polisen"]),
}
# "ska jag ringa föräldrarna först?" from staff, in violence or control at home.
CONTACT_PARENTS = Phrases.of([
    "ringa föräldrarna", "kontakta föräldrarna", "prata med föräldrarna", "berätta för föräldrarna",
    "ringa hennes föräldrar", "ringa hans föräldrar", "kontakta hennes föräldrar", "kontakta hans föräldrar",
    "prata med hennes föräldrar", "prata med hans föräldrar", "ringa vårdnadshavar*", "kontakta vårdnadshavar*",
    "prata med vårdnadshavar*", "ringa hem till", "kontakta familjen", "prata med familjen", "ringa familjen",
])
# Soc turned down for fear that they take the child ("jag vill inte att de tar honom").
FEAR_OF_REMOVAL = Phrases.of(["tar honom", "tar henne", "tar mina barn", "tar barnen", "tar mitt barn", "ta honom",
                              "ta henne", "ta mina barn", "ta barnen", "ta mitt barn", "omhänderta*", "placera honom",
                              "placera henne", "flyttar honom", "flyttar henne",
                              # Session 18: "tar soc mitt barn då?", "soc tar min lilla dotter också?"
                              "tar soc", "tar socialen", "tar socialtjänsten", "tar dom mitt", "tar de mitt", "tar dom min",
                              "tar de min", "tar min", "tar mina", "soc tar", "socialen tar", "socialtjänsten tar"])
# A removal asked for, as protection ("kan soc ta henne därifrån?"): not the fear of it.
REMOVAL_WANTED = Phrases.of(["därifrån", "härifrån", "skydda henne", "skydda honom", "skyddat boende", "hjälpa henne bort",
                             "hjälpa honom bort", "få ut henne", "få ut honom"])
# The police turned down by anyone, in words that name no service ("jag vill inte att han åker fast", "ingen polis").
POLICE_DECLINED = Phrases.of([
    "vill inte att han åker fast", "vill inte att hon åker fast", "vill inte att dom åker fast",
    "vill inte att de åker fast", "vill inte att han åker dit", "vill inte att hon åker dit", "ingen polis",
    "inga poliser", "sluta skicka mig till polisen", "inte blanda in polisen", "vill inte blanda in polisen",
    "utan att blanda in polisen", "utan polisen", "utan polis",
])
NOT_TO_THE_POLICE = Phrases.of(["inte polisanmäl*", "inte anmäla", "inte anmäl", "inte vittna*", "aldrig polisanmäl*"])
# Someone wants to leave the group the worry is about ("han vill ut men är rädd för vad de gör"): a worry about
# extremism or gangs becomes a wish to leave, whose help (exit programmes) is also for the relatives.
WANTS_OUT = Phrases.of([
    "vill ut ur", "vill ut därifrån", "vill ut men", "vill hoppa av", "vill ta sig ur", "vill komma ur",
    "vill ta sig ut", "vill komma ut ur", "vill bryta med dem", "vill bryta med dom", "vill lämna dem",
    "vill lämna dom", "vill lämna gänget", "vill lämna rörelsen", "vill lämna gruppen", "vill lämna organisationen",
    "vill lämna miljön", "vill lämna det livet", "vill sluta med gänget", "vill dra sig ur",
    # Session 18: a life to change, or a fall back feared ("säger att han vill ändra sitt liv", "rädd att han faller
    # tillbaka till samma gäng" when he is released).
    "vill ändra sitt liv", "vill ändra på sitt liv", "vill ändra mitt liv", "vill ändra på mitt liv", "vill börja om",
    "vill ha ett annat liv", "vill ha ett nytt liv", "faller tillbaka", "falla tillbaka", "tillbaka till samma gäng",
    "tillbaka till gänget", "tillbaka in i gänget", "lämna kriminaliteten", "sluta med kriminalitet*",
    "bryta med kriminalitet*",
])

# The writer is in the group or gang ("jag e med i en grupp på telegram"): the help to leave is theirs, not the line
# for worried relatives (understanding._situations, for a message about the writer).
OWN_MEMBERSHIP = Phrases.of([
    "jag är med i", "jag e med i", "ja e med i", "jag är med på", "jag har gått med i", "jag gick med i",
    "ja har gått med i", "jag är medlem i", "jag e medlem i", "jag har blivit medlem", "jag har blitt medlem",
])

# The writer is the one who uses violence against someone close ("jag har slagit min flickvän"): the line for
# people who use violence (Välj att sluta) comes first, before the lines for those who are hit.
USES_VIOLENCE = Phrases.of([
    "jag har slagit min", "jag slog min", "jag slår min", "jag har slagit henne", "jag har slagit honom",
    "jag slog henne", "jag slog honom", "jag slår henne", "jag slår honom", "jag har varit våldsam",
    "jag blir våldsam", "jag har använt våld", "jag använder våld", "rädd att jag ska slå", "vill sluta slå",
    "sluta slå henne", "sluta slå honom", "jag tappar kontrollen och slår", "för sånna som mig", "för såna som mig",
    "för sådana som mig", "jag har knuffat min", "jag har tagit stryptag", "jag tog stryptag",
    # Session 17: said without the word "slå" ("jag har tagit tag i min tjej hårt", "problem med mitt humör").
    "jag har tagit tag i", "jag tog tag i", "tar tag i henne hårt", "vill inte vara sån", "vill inte vara sådan",
    "problem med mitt humör", "problem med min ilska",
])
# Not the writer's own violence: they are hit, or someone claims it of them ("min tjej slår mig o hotar att säga till
# alla att jag slog henne").
HIT_NOT_HITTING = Phrases.of([
    "slår mig", "slog mig", "har slagit mig", "misshandlar mig", "misshandlade mig", "sparkar mig", "knuffar mig",
    "säga att jag", "säga till alla att jag", "säger att jag", "säger till alla att jag", "påstå att jag", "påstår att jag",
    "ljuga om att jag", "ljuger om att jag", "ljuger och säger att jag", "ljuger att jag", "ljög att jag", "ljuger han att jag",
    "ljuger hon att jag",
    "anklagar mig för att", "anklagad för att", "tror att jag",
])

# Self-harm or thoughts of suicide said in so many words: whatever else the message is about, it is about this too.
SELF_HARM = Phrases.of([
    "skadar sig", "skadar mig", "skadat sig", "skadat mig", "skadade sig", "skadade mig", "skär sig", "skär mig",
    "skurit sig", "skurit mig", "skar sig", "skar mig", "rakblad*", "ristat", "ristar", "ristade", "självskad*",
    "ta livet av mig", "ta livet av sig", "ta mitt liv", "inte vill leva", "vill inte leva",
    "ingen idé att leva", "nån idé att leva", "någon idé att leva", "orkar inte leva", "vill dö", "vill bara dö",
    "bättre om jag inte fanns", "bättre om jag var död",
])
# Someone else threatens to kill or hurt the writer ("han sa att han ska döda mig om han berättar"): a threat, which a
# classifier that sees "döda mig" may read as suicide. OWN_DEATH: the writer's own words of it ("döda mig själv").
THREATENED_WITH_DEATH = Phrases.of([
    "ska döda mig", "ska döda oss", "döda mig om", "döda oss om", "hotar att döda", "hotat att döda", "hotade att döda",
    "hotar med att döda", "hotat med att döda", "dödshot*", "ska slå ihjäl mig", "ska slå ihjäl oss", "ska skjuta mig",
    "ska knivhugga mig", "ska skada mig", "ska skada oss",
])
OWN_DEATH = Phrases.of(["mig själv", "jag ska döda mig", "ja ska döda mig", "jag vill döda mig", "ja vill döda mig"])
# A request: "finns det någon som …", "jag behöver …".
REQUEST = Phrases.of(["finns det", "finns de", "vill ha", "behöver", "kan jag få", "vem kan", "vart vänder", "vart ska"])
# The person asks for a kind of contact without naming one ("finns det någon samordnare i kommunen?"):
# that kind comes first, when the catalogue has one for them.
WANTED_KIND: dict[str, Phrases] = {
    "coordinator": Phrases.of([
        "samordnare", "samordnaren", "samordnarna", "trygghetssamordnare", "trygghetssamordnaren",
        "jobbar specifikt med", "arbetar specifikt med",
    ]),
    "professional_support": Phrases.of([
        "för yrkesverksamma", "för oss yrkesverksamma", "oss som jobbar med", "jag kan konsultera",
        "vi kan konsultera", "konsultera med", "konsultation", "rådgöra med någon", "rådgöra med nån",
    ]),
    "exit_programme": Phrases.of(["avhopparna", "avhopparverksamhet*", "avhopparstöd*", "exitprogram*"]),
    "parent_support": Phrases.of([
        "föräldragrupp*", "föräldrastöd*", "föräldrakurs*", "föräldraträff*", "stöd för föräldrar",
        "stöd till föräldrar", "stöd för oss föräldrar", "för oss föräldrar", "träffa andra föräldrar",
    ]),
    "youth_outreach": Phrases.of([
        "träffar ungdomarna", "träffar ungdomar", "ute på gatan", "ute bland ungdomarna", "fältare",
        "fältarna", "fältassistent*",
    ]),    "crisis_support": Phrases.of(["krisstöd*", "krisgrupp*", "krishjälp", "krissamtal*", "kris stöd",
                                  "stöd efter skjutningen", "stöd efter sprängningen", "stöd efter explosionen"]),
    # Support asked for without a report ("kan man få stöd fast man inte har polisanmält?"): Brottsofferjouren's
    # support does not need one.
    "victim_support": Phrases.of([
        "inte polisanmält", "inte har polisanmält", "inte har anmält", "inte anmält", "ej anmält", "ej polisanmält",
        "utan att anmäla", "utan att polisanmäla", "utan polisanmälan", "utan en polisanmälan",
    ]),
}
