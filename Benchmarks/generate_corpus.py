#!/usr/bin/env python3
"""Deterministic benchmark corpus for Inzage (and the same pages as a Hugo site).

    python3 Benchmarks/generate_corpus.py --pages N --bijsluiters M --out DIR [--hugo DIR] [--seed S]

Writes a complete, valid Inzage content folder: the fixed documents of the demo board
(organisatie.yaml, privacyverklaring.md, ...) copied from the repository's content/, N extra
pages under paginas/ (realistic Dutch Markdown, 300-800 words) and M bijsluiters varied over
every field. With --hugo it also writes the same N pages as a "pages only" Hugo site.

Every item is generated from its own seeded random stream ("<seed>-pagina-<i>"), so page 17 is
the same in a 1 000- and a 10 000-page corpus. Output folders are only replaced when they are
empty or were made by this script (they carry a marker file).
"""

import argparse
import datetime as dt
import os
import random
import re
import shutil
import sys
from pathlib import Path

MARKER = ".inzage-benchmark-corpus"
REPO = Path(__file__).resolve().parent.parent
FIXED_DOCUMENTS = ["organisatie.yaml", "privacyverklaring.md", "privacystatement.md", "bewaartermijnen.yaml",
                   "fototoestemming.yaml", "toegankelijkheid.yaml", "reglement.md"]
RESERVED = {"privacyverklaring", "privacystatement", "reglement", "bewaartermijnen", "bijsluiters", "scholen",
            "fotos-en-video", "contact", "wijzigingen", "toegankelijkheid", "assets", "bestanden"}
SCHOOLS = {"po": ["12OY", "08PL"], "so": ["21XK"], "vo": ["04AB"]}  # the BRINs in organisatie.yaml
TODAY = dt.date(2026, 11, 23)
FIRST_DATE = dt.date(2026, 8, 1)


# --------------------------------------------------------------------------- helpers

def slugify(text):
    table = str.maketrans("áàäâéèëêíìïîóòöôúùüûç", "aaaaeeeeiiiioooouuuuc")
    text = text.lower().translate(table)
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return re.sub(r"-+", "-", text)


_PLAIN_UNSAFE = re.compile(r"(^[\s\-?:,\[\]{}#&*!|>'\"%@`])|(:\s)|(\s#)|(:$)|(\s$)")
_YAML_SPECIAL = {"", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", "nee", "ja"}


def q(value):
    """A YAML scalar: plain where that is safe and keeps the text, double-quoted otherwise."""
    text = str(value)
    if (_PLAIN_UNSAFE.search(text) or text.lower() in _YAML_SPECIAL or re.fullmatch(r"[-+0-9.:eE_ ]+", text)):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def flow_list(items):
    return "[" + ", ".join(q(i) for i in items) + "]"


def random_date(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def prepare_folder(path):
    """Empties a folder this script made before; refuses any other folder that is not empty."""
    path = Path(path)
    if path.exists():
        if not path.is_dir():
            sys.exit(f"{path} is a file, not a folder")
        if any(path.iterdir()):
            if not (path / MARKER).exists():
                sys.exit(f"{path} is not empty and was not made by generate_corpus.py; choose another folder")
            shutil.rmtree(path)
    path.mkdir(parents=True, exist_ok=True)
    (path / MARKER).write_text("Made by Benchmarks/generate_corpus.py; replaced on every run.\n")


# --------------------------------------------------------------------------- pages

TOPICS = [
    ("Ouderavond", "de ouderavond"), ("Schoolreis", "de schoolreis"), ("Huiswerkbeleid", "het huiswerkbeleid"),
    ("Gebruik van Chromebooks", "het gebruik van Chromebooks"), ("Mediawijsheid", "de lessen mediawijsheid"),
    ("Leerlingenraad", "de leerlingenraad"), ("Schoolfotograaf", "de schoolfotograaf"),
    ("Gesprekkencyclus", "de gesprekkencyclus"), ("Verlof aanvragen", "het aanvragen van verlof"),
    ("Pestprotocol", "het pestprotocol"), ("Leerlingvolgsysteem", "het leerlingvolgsysteem"),
    ("Overstap naar het voortgezet onderwijs", "de overstap naar het voortgezet onderwijs"),
    ("Passend onderwijs", "passend onderwijs"), ("Sportdag", "de sportdag"), ("Kamp", "het kamp"),
    ("Vrijwillige ouderbijdrage", "de vrijwillige ouderbijdrage"), ("Ouderportaal", "het ouderportaal"),
    ("Nieuwsbrief", "de nieuwsbrief"), ("Medezeggenschapsraad", "de medezeggenschapsraad"),
    ("Schoolgids", "de schoolgids"), ("Stagebeleid", "het stagebeleid"), ("Rapportage", "de rapporten"),
    ("Toetsen en examens", "de toetsen en examens"), ("Tussenschoolse opvang", "de tussenschoolse opvang"),
    ("Buitenschoolse opvang", "de buitenschoolse opvang"), ("Gezonde school", "de gezonde school"),
    ("Excursies", "de excursies"), ("Zorgteam", "het zorgteam"), ("Schoolmaatschappelijk werk", "het schoolmaatschappelijk werk"),
    ("Inschrijven", "het inschrijven van een nieuwe leerling"), ("Klachtenregeling", "de klachtenregeling"),
    ("Wachtwoorden en accounts", "wachtwoorden en accounts"), ("Bring your own device", "eigen apparaten op school"),
    ("Afspraken over sociale media", "de afspraken over sociale media"), ("Gymlessen", "de gymlessen"),
    ("Verkeersexamen", "het verkeersexamen"), ("Schoolarts en GGD", "de jeugdgezondheidszorg"),
    ("Talentklas", "de talentklas"), ("Leesbevordering", "de leesbevordering"), ("Bibliotheek op school", "de bibliotheek op school"),
]
QUALIFIERS = ["", "voor groep 1 en 2", "voor groep 3 tot en met 5", "voor groep 6 tot en met 8", "in de onderbouw",
              "in de bovenbouw", "op KBS de Viersprong", "op KBS Het Palet", "op De Wingerd", "op het Kleurenborch College",
              "in schooljaar 2026-2027", "voor nieuwe ouders", "voor medewerkers", "voor leerlingen", "in het kort"]

SUBJECTS_SG = ["De leerkracht", "De mentor", "De directeur", "De intern begeleider", "De school", "Het bestuur",
               "De functionaris gegevensbescherming", "De administratie", "De ICT-coördinator", "De medezeggenschapsraad",
               "De zorgcoördinator", "De conciërge", "De teamleider", "Elke groep", "De ouderraad"]
SUBJECTS_PL = ["Ouders", "Leerlingen", "Medewerkers", "De leerkrachten", "Wij", "Docenten", "De mentoren",
               "Ouders en leerlingen", "Nieuwe leerlingen", "De leden van de ouderraad"]
VERBS = [
    ("bespreekt", "bespreken", ["de resultaten", "de voortgang van de leerling", "de plannen voor het nieuwe schooljaar",
                                "de afspraken uit het vorige gesprek", "de uitkomsten van de toetsen"]),
    ("ontvangt", "ontvangen", ["een uitnodiging per e-mail", "het rapport", "een overzicht van de activiteiten",
                               "de nieuwsbrief", "een bevestiging van de aanmelding"]),
    ("plant", "plannen", ["een gesprek", "de activiteiten", "een extra ouderavond", "de excursies", "de toetsweken"]),
    ("controleert", "controleren", ["de gegevens in het leerlingvolgsysteem", "de aanwezigheid", "de instellingen van de apparaten",
                                    "of de toestemming nog klopt", "de lijst met deelnemers"]),
    ("deelt", "delen", ["alleen de gegevens die nodig zijn", "de planning", "de foto's in het afgeschermde ouderportaal",
                        "de resultaten met de ouders", "informatie over de lessen"]),
    ("vraagt", "vragen", ["vooraf toestemming", "om een korte reactie", "de mening van de leerlingen",
                          "hulp bij het organiseren", "naar de wensen van de ouders"]),
    ("gebruikt", "gebruiken", ["een beveiligde verbinding", "het ouderportaal", "een vast rooster", "duidelijke afspraken",
                               "de methode die de school heeft gekozen"]),
    ("verzorgt", "verzorgen", ["de begeleiding", "de lessen", "de administratie", "de communicatie met ouders",
                               "de inschrijving"]),
    ("houdt", "houden", ["rekening met de privacy van leerlingen", "een overzicht bij", "contact met de ouders",
                         "de afspraken goed bij", "de toegang tot de gegevens beperkt"]),
]
ADVERBIALS = ["tijdens het oudergesprek", "aan het begin van het schooljaar", "in overleg met de ouders", "via het ouderportaal",
              "één keer per jaar", "na de herfstvakantie", "voor de zomervakantie", "op een vaste dag in de week",
              "als dat nodig is", "zo snel mogelijk", "in de eerste schoolweek", "samen met de groepsleerkracht",
              "zonder dat daar kosten aan verbonden zijn", "in een rustige ruimte", "op de website van de school"]
FIXED_SENTENCES = [
    "Hebt u een vraag? Neem dan gerust contact op met de leerkracht van uw kind.",
    "Wij vinden het belangrijk dat ouders en school goed samenwerken.",
    "Zo weten leerlingen precies wat er van hen wordt verwacht.",
    "De afspraken staan ook in de schoolgids, die u elk jaar opnieuw ontvangt.",
    "Leerlingen van 16 jaar en ouder beslissen zelf over hun toestemming.",
    "U kunt uw keuze op elk moment veranderen, zonder dat u daarvoor een reden hoeft te geven.",
    "Wij gebruiken alleen gegevens die echt nodig zijn.",
    "Gegevens van leerlingen delen wij nooit met bedrijven voor reclame.",
    "Bij twijfel overleggen wij eerst met de functionaris gegevensbescherming.",
    "Het rooster kan per schooljaar een beetje verschillen.",
    "De kosten zijn laag, en voor gezinnen die het moeilijk hebben is er een regeling.",
    "Na afloop horen wij graag wat u ervan vond.",
    "Wij letten extra op leerlingen die wat meer aandacht nodig hebben.",
    "In de klas hangt een overzicht met de belangrijkste afspraken.",
    "Zo blijft de informatie voor iedereen duidelijk en overzichtelijk.",
    "Op de website vindt u altijd de nieuwste versie van deze informatie.",
    "De medezeggenschapsraad heeft met deze werkwijze ingestemd.",
    "Elk jaar kijken wij samen met de ouderraad of de afspraken nog goed werken.",
]
LINKS = [
    ("de privacyverklaring", "../privacyverklaring/"), ("het privacyreglement", "../reglement/"),
    ("de pagina over foto's en video", "../fotos-en-video/"), ("de contactpagina", "../contact/"),
    ("de tabel met bewaartermijnen", "../bewaartermijnen/"), ("het overzicht van digitale producten", "../bijsluiters/"),
    ("de website van de Autoriteit Persoonsgegevens", "https://autoriteitpersoonsgegevens.nl/"),
    ("de informatie van Kennisnet", "https://www.kennisnet.nl/"), ("de website van DUO", "https://duo.nl/"),
    ("de website van de Rijksoverheid", "https://www.rijksoverheid.nl/onderwerpen/leerplicht"),
    ("de schoolgids op de website van het bestuur", "https://www.kanseenkleur.nl/"),
]
LIST_ITEMS = ["een geldig identiteitsbewijs", "het aanmeldformulier", "de handtekening van beide ouders",
              "een kopie van het laatste rapport", "gymkleding en gymschoenen", "een gezonde lunch", "een drinkbeker",
              "een etui met pennen en potloden", "de oplader van de Chromebook", "een regenjas", "een ingevulde toestemmingsverklaring",
              "het telefoonnummer van een ouder die overdag bereikbaar is", "informatie over allergieën of medicijnen",
              "een koptelefoon voor de lessen op de computer", "de inlogcode voor het ouderportaal", "een tas met een naam erop"]
STEPS = ["Log in op het ouderportaal.", "Kies in het menu voor Instellingen.", "Open het onderdeel Privacyvoorkeuren.",
         "Zet het vinkje aan of uit bij elk kanaal.", "Klik op Opslaan.", "U krijgt een bevestiging per e-mail.",
         "Vul het formulier in en stuur het naar de administratie.", "Maak een afspraak met de leerkracht.",
         "Bespreek uw vraag met de intern begeleider.", "Wacht op de reactie van de school; dat duurt hooguit twee weken."]
TABLES = [
    (["Groep", "Dag", "Tijd"], lambda r: [f"Groep {r.randint(1, 8)}", r.choice(["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]),
                                          f"{r.randint(8, 15)}.{r.choice(['00', '15', '30', '45'])} uur"]),
    (["Activiteit", "Wanneer", "Voor wie"], lambda r: [r.choice(["Sportdag", "Ouderavond", "Schoolreis", "Kamp", "Musical", "Excursie", "Open dag"]),
                                                      r.choice(["september", "oktober", "november", "januari", "maart", "april", "juni"]),
                                                      r.choice(["alle groepen", "groep 8", "de onderbouw", "de bovenbouw", "nieuwe ouders"])]),
    (["Gegevens", "Wie ziet ze", "Hoe lang"], lambda r: [r.choice(["Naam en groep", "Toetsresultaten", "Aanwezigheid", "Foto's", "Gespreksverslagen"]),
                                                        r.choice(["de leerkracht", "de mentor", "de intern begeleider", "de ouders", "de directeur"]),
                                                        r.choice(["tot het einde van het schooljaar", "zolang uw kind op school zit", "minimaal 5 jaar na uitschrijving"])]),
    (["Onderdeel", "Kosten", "Betalen via"], lambda r: [r.choice(["Schoolreis", "Kamp", "Excursie", "Ouderbijdrage", "Overblijven"]),
                                                       f"€ {r.randint(5, 95)},{r.choice(['00', '50'])}",
                                                       r.choice(["het ouderportaal", "een betaalverzoek", "de administratie"])]),
]


def sentence(rng):
    if rng.random() < 0.22:
        return rng.choice(FIXED_SENTENCES)
    verb_sg, verb_pl, objects = rng.choice(VERBS)
    if rng.random() < 0.5:
        subject, verb = rng.choice(SUBJECTS_SG), verb_sg
    else:
        subject, verb = rng.choice(SUBJECTS_PL), verb_pl
    obj = rng.choice(objects)
    if rng.random() < 0.12:
        mark = rng.choice(["*", "**"])
        obj = f"{mark}{obj}{mark}"
    adverbial = rng.choice(ADVERBIALS)
    return f"{subject} {verb} {obj} {adverbial}."


def paragraph(rng, sentences):
    parts = [sentence(rng) for _ in range(sentences)]
    if rng.random() < 0.35:
        text, href = rng.choice(LINKS)
        parts.insert(rng.randrange(len(parts) + 1), f"Meer hierover leest u in [{text}]({href}).")
    if rng.random() < 0.05:
        parts.append("Vragen kunt u ook mailen naar privacy@kanseenkleur.nl.")
    if rng.random() < 0.03:
        parts.append("Het oude formulier is ~~nog geldig~~ niet meer geldig.")
    return " ".join(parts)


def words(text):
    return len(re.findall(r"[A-Za-zÀ-ÿ0-9€]+", text))


def page_markdown(rng, topic_phrase):
    """Markdown body of 300-800 words: an intro, sections with headings, a list, maybe a table."""
    target = rng.randint(300, 800)
    blocks = [paragraph(rng, rng.randint(2, 4))]
    headings = ["Waarom doen wij dit?", "Hoe gaat het in zijn werk?", "Wat vragen wij van ouders?", "Wat kunt u verwachten?",
                "Wie is er verantwoordelijk?", "Privacy", "Vragen en contact", "Praktische informatie", "Planning",
                "Wat neemt uw kind mee?", "Afspraken in de klas", "Veelgestelde vragen", "Kosten", "Wat gebeurt er met de gegevens?"]
    rng.shuffle(headings)
    section = 0
    used_table = used_list = used_steps = False
    while True:
        text = "\n\n".join(blocks)
        if words(text) >= target or section >= len(headings):
            break
        blocks.append(f"## {headings[section]}")
        section += 1
        blocks.append(paragraph(rng, rng.randint(2, 5)))
        choice = rng.random()
        if not used_list and choice < 0.45:
            used_list = True
            items = rng.sample(LIST_ITEMS, rng.randint(3, 6))
            blocks.append(f"Neem voor {topic_phrase} het volgende mee:")
            blocks.append("\n".join(f"- {item[0].upper() + item[1:]}" for item in items))
        elif not used_table and choice < 0.75:
            used_table = True
            header, row = rng.choice(TABLES)
            rows = [row(rng) for _ in range(rng.randint(3, 6))]
            lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * len(header)) + "|"]
            lines += ["| " + " | ".join(r) + " |" for r in rows]
            blocks.append("\n".join(lines))
        elif not used_steps and choice < 0.9:
            used_steps = True
            steps = STEPS[rng.randint(0, 3):][: rng.randint(3, 5)]
            blocks.append("\n".join(f"{n}. {step}" for n, step in enumerate(steps, 1)))
        if rng.random() < 0.3:
            blocks.append(f"### {rng.choice(['Let op', 'Goed om te weten', 'Uitzonderingen', 'Voor leerlingen', 'Voor medewerkers'])}")
            blocks.append(paragraph(rng, rng.randint(1, 3)))
    # Trim from the end, a whole block at a time, when far over 800 words.
    while words("\n\n".join(blocks)) > 800 and len(blocks) > 2:
        blocks.pop()
        if blocks[-1].startswith("#"):
            blocks.pop()
    while words("\n\n".join(blocks)) < 300:
        blocks.append(paragraph(rng, 4))
    return "\n\n".join(blocks) + "\n"


def make_page(seed, index):
    rng = random.Random(f"{seed}-pagina-{index}")
    title_word, phrase = rng.choice(TOPICS)
    qualifier = rng.choice(QUALIFIERS)
    title = f"{title_word} {qualifier}".strip()
    slug = f"{slugify(title)}-{index:05d}"
    assert slug not in RESERVED and re.fullmatch(r"[a-z0-9-]+", slug)
    volgorde = rng.randint(1, 50) if rng.random() < 0.2 else None
    return slug, title, volgorde, page_markdown(rng, phrase)


# --------------------------------------------------------------------------- bijsluiters

PREFIXES = ["Leer", "Reken", "Taal", "Lees", "Klas", "School", "Edu", "Kennis", "Wijs", "Slim", "Oefen", "Toets", "Meester",
            "Juf", "Groei", "Ster", "Kompas", "Brug", "Spoor", "Vonk", "Zon", "Maan", "Uil", "Bij", "Vos", "Mol", "Beer",
            "Vlinder", "Regenboog", "Horizon", "Klaver", "Eik", "Linde", "Berk", "Duin", "Polder", "Rivier", "Haven", "Toren", "Molen"]
CORES = ["plein", "lab", "wereld", "net", "web", "tuin", "huis", "kamer", "boek", "kist", "box", "pad", "route", "spel",
         "vaardig", "punt", "link", "stap", "sprong", "kracht", "motor", "studio", "markt", "park", "dorp", "land", "bron",
         "veld", "licht", "tas"]
CITIES = [("Amsterdam", "1012 AB"), ("Utrecht", "3511 CE"), ("Rotterdam", "3011 AD"), ("Zwolle", "8011 CW"),
          ("Enschede", "7511 JM"), ("Groningen", "9711 LM"), ("Eindhoven", "5611 AZ"), ("Nijmegen", "6511 KL"),
          ("Arnhem", "6811 CG"), ("Leiden", "2311 EZ"), ("Amersfoort", "3811 MH"), ("Houten", "3995 DA"),
          ("Deventer", "7411 HP"), ("Breda", "4811 XJ"), ("Tilburg", "5038 EA"), ("Den Bosch", "5211 JW"),
          ("Haarlem", "2011 HP"), ("Delft", "2611 GD"), ("Maastricht", "6211 CP"), ("Apeldoorn", "7311 KZ")]
STREETS = ["Stationsplein", "Kerkstraat", "Marktweg", "Industrieweg", "Lange Voorhout", "Europalaan", "Science Park",
           "Oude Gracht", "Handelskade", "Papendorpseweg", "Laan van Kronenburg", "Westblaak", "Vredenburg"]
KINDS = [("Rekenen", "leermiddel"), ("Spelling", "leermiddel"), ("Begrijpend lezen", "leermiddel"), ("Engels", "leermiddel"),
         ("Toetsen", "leermiddel"), ("Wereldoriëntatie", "leermiddel"), ("Programmeren", "leermiddel"), ("Woordenschat", "leermiddel"),
         ("Leerlingvolgsysteem", "informatiemiddel"), ("Ouderportaal", "informatiemiddel"), ("Roosterplanner", "informatiemiddel"),
         ("Administratie", "informatiemiddel"), ("Leeromgeving", "beide"), ("Portfolio", "beide"), ("Huiswerkplanner", "beide"),
         ("Oefenplatform", "leermiddel")]
PRODUCT_TEXT = {
    "leermiddel": "Online lesmateriaal waarmee leerlingen {k} oefenen op hun eigen niveau. De leerkracht ziet de voortgang van de groep.",
    "informatiemiddel": "Programma voor {k} waarmee de school gegevens van leerlingen en medewerkers beheert en met ouders communiceert.",
    "beide": "Digitale {k} waarin leerlingen opdrachten maken en de school lessen plant en de voortgang bijhoudt.",
}
US_SUBS = [("Amazon Web Services, Inc.", "Seattle", "Opslag van back-ups"), ("Google LLC", "Mountain View", "Versturen van e-mail"),
           ("Microsoft Corporation", "Redmond", "Hosting van de ondersteuning"), ("Zendesk, Inc.", "San Francisco", "Helpdesksysteem voor vragen van leraren"),
           ("Cloudflare, Inc.", "San Francisco", "Bescherming tegen aanvallen op de website"),
           ("Twilio Inc.", "San Francisco", "Versturen van sms-berichten voor inloggen in twee stappen")]
EU_SUBS = [("Amazon Web Services EMEA SARL", "Luxemburg", "LU", "Hosting in een datacenter in Frankfurt am Main"),
           ("Microsoft Ireland Operations Limited", "Dublin", "IE", "Hosting op het Azure-platform in Amsterdam"),
           ("TRUE", "Amsterdam", "NL", "Hosting"), ("Leaseweb Netherlands B.V.", "Amsterdam", "NL", "Hosting van de servers"),
           ("Hetzner Online GmbH", "Gunzenhausen", "DE", "Hosting in Duitsland"), ("OVH SAS", "Roubaix", "FR", "Opslag van back-ups"),
           ("Mailgun Technologies (EU)", "Dublin", "IE", "Versturen van e-mail"), ("Intermax B.V.", "Rotterdam", "NL", "Beheer van de servers"),
           ("Elastic Cloud BV", "Amsterdam", "NL", "Zoekfunctie en logbestanden"), ("Spotler B.V.", "Rotterdam", "NL", "Nieuwsbrieven aan ouders")]
STORAGE = [("Amsterdam", "NL"), ("Frankfurt am Main", "DE"), ("Dublin", "IE"), ("Groningen", "NL"), ("Parijs", "FR"),
           ("Stockholm", "SE"), ("Brussel", "BE"), ("Rotterdam", "NL")]
CATEGORY_TEXTS = {
    "contactgegevens": ["Naam en e-mailadres van leerkrachten; van leerlingen alleen voornaam en groep.",
                        "Voornaam, achternaam en schoolaccount van leerlingen en medewerkers.",
                        "Naam, adres, telefoonnummer en e-mailadres van leerlingen en ouders."],
    "onderwijsdeelnemernummer": ["Het leerlingnummer uit de leerlingadministratie, om accounts te koppelen.",
                                 "Het onderwijsnummer, voor de uitwisseling met DUO."],
    "nationaliteit": ["Geboorteplaats en nationaliteit, zoals vastgelegd bij de inschrijving."],
    "ouders": ["Naam, adres, telefoonnummer en e-mailadres van de ouders of voogd.",
               "E-mailadres van een ouder, om uitnodigingen voor gesprekken te sturen."],
    "medisch": ["Gegevens over dyslexie of dyscalculie die de school invoert om extra tijd bij toetsen te geven.",
                "Allergieën en medicijngebruik die ouders opgeven voor schoolreis en kamp."],
    "godsdienst": ["Of de leerling meedoet aan godsdienstonderwijs of humanistisch vormingsonderwijs."],
    "studievoortgang": ["Antwoorden op opdrachten, scores per les en de voortgang per leerdoel.",
                        "Toetsresultaten, rapportcijfers en verslagen van leerlinggesprekken.",
                        "Gemaakte oefeningen en het behaalde niveau per onderdeel."],
    "onderwijsorganisatie": ["Naam en BRIN-nummer van de school, groep of klas en leerjaar.",
                             "Roosters, lesgroepen en de koppeling van leerlingen aan klassen."],
    "financien": ["Betaalde ouderbijdragen en bedragen voor schoolreis en kamp.", "Bankrekeningnummer van ouders voor automatische incasso."],
    "beeldmateriaal": ["Een profielfoto die de leerling zelf kiest.", "Foto's van werkstukken die leerlingen in hun portfolio zetten."],
    "begeleiders": ["Naam en e-mailadres van de leerkracht of mentor die de groep beheert.",
                    "Naam en rol van de intern begeleider en de zorgcoördinator."],
    "overige": ["Het IP-adres en het type browser bij het inloggen.", "Tijdstip van inloggen en de gebruikte apparaten.",
                "Berichten die leerlingen en leerkrachten elkaar in het programma sturen."],
    "bsn": ["Het burgerservicenummer, alleen voor de wettelijke uitwisseling met DUO."],
    "eck_id": ["Het ECK iD dat Kennisnet Entree bij het inloggen meestuurt."],
}
CATEGORY_CHANCE = {"contactgegevens": 0.95, "onderwijsdeelnemernummer": 0.2, "nationaliteit": 0.05, "ouders": 0.25, "medisch": 0.05,
                   "godsdienst": 0.02, "studievoortgang": 0.8, "onderwijsorganisatie": 0.7, "financien": 0.08, "beeldmateriaal": 0.2,
                   "begeleiders": 0.6, "overige": 0.35, "bsn": 0.0, "eck_id": 0.4}
ENTREE = {"contactgegevens": ["uid", "givenName", "sn", "mail"], "onderwijsorganisatie": ["nlEduPersonHomeOrganizationId", "eduPersonAffiliation"],
          "eck_id": ["eckId"]}
RETENTION = ["Gegevens van een leerling worden verwijderd uiterlijk één jaar na de laatste activiteit. Na het einde van het contract verwijdert {v} alle gegevens binnen drie maanden.",
             "{v} bewaart de resultaten tot het einde van het schooljaar en verwijdert daarna alle gegevens van leerlingen die de school heeft uitgeschreven.",
             "Zolang de school het product gebruikt; na het einde van het contract verwijdert {v} alle gegevens binnen dertig dagen.",
             "Accounts zonder activiteit worden na twaalf maanden verwijderd. Back-ups worden na negentig dagen overschreven."]
MEASURES = ["Versleutelde verbindingen (TLS)", "Wachtwoorden versleuteld opgeslagen", "Inloggen in twee stappen voor beheerders",
            "Dagelijkse back-up", "Toegang alleen voor medewerkers die het nodig hebben", "Jaarlijkse penetratietest door een extern bureau",
            "Logbestanden van alle toegang tot persoonsgegevens", "Medewerkers tekenen een geheimhoudingsverklaring"]
NORMS = ["ISO 27001", "NEN 7510", "SOC 2 type II", "ISO 27701", "Jaarlijkse externe controle van de maatregelen"]
USERS = {"leermiddel": ["leerlingen", "leerkrachten"], "informatiemiddel": ["leerkrachten", "administratie", "ouders"],
         "beide": ["leerlingen", "docenten", "mentoren"]}
CHANGES = ["Jaarlijkse controle voor schooljaar 2026-2027.", "Nieuwe verwerkersovereenkomst volgens model 4.0.",
           "Een subverwerker voor het versturen van e-mail is toegevoegd.", "De bewaartermijn is korter geworden.",
           "Het leerlingnummer wordt niet meer verwerkt.", "Inloggen via Kennisnet Entree is toegevoegd.",
           "De datalekmelding gaat nu binnen 24 uur naar de school.", "De hosting is verhuisd naar een datacenter in Nederland."]


def company_name(seed, index):
    rng = random.Random(f"{seed}-bedrijven")
    words = [p + c for p in PREFIXES for c in CORES]
    rng.shuffle(words)
    word = words[index % len(words)]
    if index >= len(words):
        word += " " + CITIES[(index // len(words) - 1) % len(CITIES)][0]
    return word


def make_bijsluiter(seed, index):
    rng = random.Random(f"{seed}-bijsluiter-{index}")
    company = company_name(seed, index // 2)  # most verwerkers make two products
    kind, soort = KINDS[(index * 7 + (index // 2)) % len(KINDS)]
    if rng.random() < 0.15:
        soort = rng.choice(["leermiddel", "informatiemiddel", "beide"])
    product = f"{company} {kind}"
    slug = slugify(product)
    domain = slugify(company).replace("-", "") + ".nl"
    city, postcode = rng.choice(CITIES)
    verwerker_naam = f"{company} B.V."

    levels = rng.sample(["po", "so", "vo"], rng.randint(1, 3))
    doelgroep = [l for l in ["po", "so", "vo"] if l in levels]
    brins = [b for l in doelgroep for b in SCHOOLS[l]]
    if rng.random() < 0.4:
        scholen = "alle"
    else:
        scholen = flow_list(sorted(rng.sample(brins, rng.randint(1, len(brins)))))

    doelen = ["onderwijs" if soort != "informatiemiddel" else "organisatie-onderwijs", "levering", "toegang"]
    if soort == "beide":
        doelen.append("organisatie-onderwijs")
    doelen += [d for d in ["beveiliging", "continuiteit", "onderzoek", "geanonimiseerd", "wettelijke-eisen"] if rng.random() < 0.35]

    categories = {}
    for key, chance in CATEGORY_CHANCE.items():
        if key == "bsn" and soort == "informatiemiddel" and rng.random() < 0.3:
            chance = 1.0
        if rng.random() < chance:
            text = rng.choice(CATEGORY_TEXTS[key])
            if key in ("beeldmateriaal", "overige", "ouders") and rng.random() < 0.3:
                categories[key] = ("optioneel", text)
            else:
                categories[key] = ("ja", text)
        else:
            categories[key] = ("nee", None)
    entree = []
    if rng.random() < 0.4:
        for key, attributes in ENTREE.items():
            if categories[key][0] != "nee":
                entree += rng.sample(attributes, rng.randint(1, len(attributes)))

    opslag = rng.sample(STORAGE, rng.randint(1, 2))
    subs = [(n, p, l, t) for n, p, l, t in rng.sample(EU_SUBS, rng.randint(0, 3))]
    outside = []
    roll = rng.random()
    if roll < 0.18:
        n, p, t = rng.choice(US_SUBS)
        subs.append((n, p, "US", t))
        outside = ["US"]
        waarborg = rng.choice(["dpf", "dpf", "dpf", "scc"])
    elif roll < 0.22:
        subs.append(("Mailchimp UK Ltd", "Londen", "GB", "Versturen van nieuwsbrieven"))
        outside = ["GB"]
        waarborg = "adequaatheid"

    datum = random_date(rng, FIRST_DATE, TODAY)
    major = rng.randint(1, 4)
    minor = rng.randint(0, 3)
    history = [(f"{major}.{minor}", datum)]
    previous = datum
    for _ in range(rng.randint(0, 3)):
        previous = previous - dt.timedelta(days=rng.randint(120, 500))
        if minor > 0:
            minor -= 1
        else:
            major, minor = major - 1, rng.randint(0, 2)
        if major < 1:
            break
        history.append((f"{major}.{minor}", previous))
    getekend = datum - dt.timedelta(days=rng.randint(0, 400))

    L = []
    L.append("---")
    L.append(f"product: {q(product)}")
    L.append(f"soort: {soort}")
    L.append("verwerker:")
    L.append(f"  naam: {q(verwerker_naam)}")
    L.append(f"  adres: {{ straat: {rng.choice(STREETS)} {rng.randint(1, 180)}, postcode: {postcode}, plaats: {city}, land: NL }}")
    L.append(f"  website: https://www.{domain}")
    L.append(f"  contact: {{ naam: {q(rng.choice(['Privacy Office', 'Helpdesk', 'Functionaris gegevensbescherming']) + ' ' + company)}, email: privacy@{domain} }}")
    termijn = rng.choice(["24 uur", "24 uur", "48 uur", "36 uur na ontdekking"])
    L.append(f"  datalek: {{ telefoon: 0{rng.randint(10, 79)}-{rng.randint(1000000, 9999999)}, email: security@{domain}, termijn: {termijn} }}")
    L.append(f"omschrijving: {q(PRODUCT_TEXT[soort].format(k=kind.lower()))}")
    L.append(f"doelgroep: {flow_list(doelgroep)}")
    L.append(f"gebruikers: {flow_list(USERS[soort])}")
    L.append(f"scholen: {scholen}")
    L.append("verwerkingen:")
    for v in rng.sample(["Opslaan van gebruikersnaam en wachtwoord", "Opslaan van resultaten en voortgang",
                         "Overzichten voor de leerkracht", "Versturen van berichten aan ouders", "Inloggen via Kennisnet Entree",
                         "Klaarzetten van opdrachten en toetsen", "Bijhouden van aanwezigheid", "Plannen van gesprekken"], rng.randint(1, 5)):
        L.append(f"  - {q(v)}")
    if rng.random() < 0.3:
        L.append("optionele_verwerkingen:")
        L.append(f"  - {q(rng.choice(['Een profielfoto die de leerling zelf uploadt', 'Berichten tussen leerlingen en leerkracht', 'Koppeling met de agenda van de school']))}")
    else:
        L.append("optionele_verwerkingen: []")
    if rng.random() < 0.1:
        L.append("doeleinden:")
        for d in doelen:
            L.append(f"  - {d}")
        L.append(f"  - {{ eigen: {q('Het versturen van een jaarlijkse enquête over het gebruik aan de school')} }}")
    else:
        L.append(f"doeleinden: {flow_list(doelen)}")
    L.append("categorieen:")
    for key in CATEGORY_CHANCE:
        answer, text = categories[key]
        if answer == "nee":
            L.append(f"  {key}: nee")
        elif answer == "optioneel":
            L.append(f"  {key}:")
            L.append(f"    toelichting: {q(text)}")
            L.append("    optioneel: true")
        else:
            L.append(f"  {key}: {q(text)}")
    L.append(f"entree_attributen: {flow_list(entree)}")
    L.append(f"bewaartermijn: {q(rng.choice(RETENTION).format(v=company))}")
    L.append("opslag:")
    for plaats, land in opslag:
        L.append(f"  - {{ plaats: {plaats}, land: {land} }}")
    if subs:
        L.append("subverwerkers:")
        for n, p, l, t in subs:
            L.append(f"  - naam: {q(n)}")
            L.append(f"    plaats: {q(p)}")
            L.append(f"    land: {l}")
            L.append(f"    taak: {q(t)}")
    else:
        L.append("subverwerkers: []")
    if outside:
        L.append("doorgifte:")
        L.append(f"  landen: {flow_list(outside)}")
        L.append(f"  waarborg: {waarborg}")
        L.append(f"  toelichting: {q('Alleen de gegevens die nodig zijn voor deze taak gaan naar het buitenland. ' + ('De ontvanger is gecertificeerd onder het EU-VS Data Privacy Framework.' if waarborg == 'dpf' else 'Er gelden de standaardcontractbepalingen van de Europese Commissie.' if waarborg == 'scc' else 'De Europese Commissie heeft besloten dat het Verenigd Koninkrijk een passend beschermingsniveau biedt.'))}")
    else:
        L.append("doorgifte: nee")
    L.append("beveiliging:")
    lvl = lambda: rng.choice(["laag", "midden", "hoog"])
    L.append(f"  classificatie: {{ beschikbaarheid: {lvl()}, integriteit: {lvl()}, vertrouwelijkheid: {lvl()} }}")
    L.append(f"  normen: {flow_list(rng.sample(NORMS, rng.randint(1, 3)))}")
    L.append("  maatregelen:")
    for m in rng.sample(MEASURES, rng.randint(2, 6)):
        L.append(f"    - {q(m)}")
    L.append(f"verwerkersovereenkomst: {{ model: \"{rng.choice(['3.0', '4.0', '4.0', 'eigen'])}\", getekend: {getekend.isoformat()} }}")
    L.append(f"versie: \"{history[0][0]}\"")
    L.append(f"datum: {datum.isoformat() if rng.random() < 0.8 else datum.strftime('%d-%m-%Y')}")
    L.append("wijzigingen:")
    for n, (versie, when) in enumerate(history):
        summary = "Eerste versie." if n == len(history) - 1 and n > 0 else rng.choice(CHANGES)
        L.append(f"  - {{ versie: \"{versie}\", datum: {when.isoformat()}, samenvatting: {q(summary)} }}")
    L.append("---")
    if rng.random() < 0.6:
        L.append(paragraph(rng, rng.randint(2, 4)))
        L.append("")
        L.append(f"{company} gebruikt de gegevens alleen voor het onderwijs van de school en niet voor reclame.")
    return slug, "\n".join(L) + "\n"


# --------------------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=0)
    parser.add_argument("--bijsluiters", type=int, default=0)
    parser.add_argument("--out", required=True, help="the Inzage content folder to write")
    parser.add_argument("--hugo", help="also write the pages as a Hugo site in this folder")
    parser.add_argument("--seed", default="2026")
    parser.add_argument("--fixed-from", default=str(REPO / "content"), help="where the fixed documents are copied from")
    args = parser.parse_args()

    out = Path(args.out)
    prepare_folder(out)
    for name in FIXED_DOCUMENTS:
        shutil.copyfile(Path(args.fixed_from) / name, out / name)
    (out / "paginas").mkdir()
    (out / "bijsluiters").mkdir()
    # The marker is a hidden file, which `inzage check` ignores.

    hugo = Path(args.hugo) if args.hugo else None
    if hugo:
        prepare_folder(hugo)
        (hugo / "content").mkdir()
        (hugo / "layouts" / "_default").mkdir(parents=True)
        (hugo / "config.toml").write_text(
            'baseURL = "https://privacy.kanseenkleur.nl/"\nlanguageCode = "nl"\ntitle = "Privacy bij Kanse en Kleur"\n'
            'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
        (hugo / "layouts" / "_default" / "single.html").write_text(
            '<!DOCTYPE html>\n<html lang="nl">\n<head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n'
            '<body>\n<main>\n<h1>{{ .Title }}</h1>\n{{ .Content }}\n</main>\n</body>\n</html>\n')

    total_words = 0
    for i in range(args.pages):
        slug, title, volgorde, body = make_page(args.seed, i)
        total_words += words(body)
        front = f"---\ntitel: {q(title)}\n" + (f"volgorde: {volgorde}\n" if volgorde is not None else "") + "---\n"
        (out / "paginas" / f"{slug}.md").write_text(front + body, encoding="utf-8")
        if hugo:
            hfront = f"---\ntitle: \"{title}\"\n" + (f"weight: {volgorde}\n" if volgorde is not None else "") + "---\n"
            (hugo / "content" / f"{slug}.md").write_text(hfront + body, encoding="utf-8")
    slugs = set()
    for i in range(args.bijsluiters):
        slug, text = make_bijsluiter(args.seed, i)
        assert slug not in slugs and slug not in RESERVED and re.fullmatch(r"[a-z0-9-]+", slug), slug
        slugs.add(slug)
        (out / "bijsluiters" / f"{slug}.md").write_text(text, encoding="utf-8")
    print(f"{out}: {args.pages} pages ({total_words} words), {args.bijsluiters} bijsluiters"
          + (f"; Hugo site in {hugo}" if hugo else ""))


if __name__ == "__main__":
    main()
