//! Places that speak only through their government or people: countries, capitals and a few
//! regions, as data. "Seoul said", "South Korea said" and "Kenya said" name a body, never a
//! person ([`super::speaker_kind`]).

use super::words::WordSet;

/// Countries, their common short names, capitals and regions, lowercase.
#[rustfmt::skip]
pub(crate) static PLACES: WordSet = WordSet::new(&[
    // Countries and their usual short names.
    "afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia",
    "australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados",
    "belarus", "belgium", "belize", "benin", "bhutan", "bolivia", "bosnia", "botswana", "brazil",
    "brunei", "bulgaria", "burkina faso", "burundi", "cambodia", "cameroon", "canada", "chad",
    "chile", "china", "colombia", "comoros", "congo", "costa rica", "croatia", "cuba", "cyprus",
    "czechia", "czech republic", "denmark", "djibouti", "dominica", "ecuador", "egypt",
    "el salvador", "eritrea", "estonia", "eswatini", "ethiopia", "fiji", "finland", "france",
    "gabon", "gambia", "georgia", "germany", "ghana", "greece", "grenada", "guatemala", "guinea",
    "guyana", "haiti", "honduras", "hungary", "iceland", "india", "indonesia", "iran", "iraq",
    "ireland", "israel", "italy", "ivory coast", "jamaica", "japan", "jordan", "kazakhstan",
    "kenya", "kiribati", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon",
    "lesotho", "liberia", "libya", "liechtenstein", "lithuania", "luxembourg", "madagascar",
    "malawi", "malaysia", "maldives", "mali", "malta", "mauritania", "mauritius", "mexico",
    "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar", "burma",
    "namibia", "nauru", "nepal", "netherlands", "holland", "new zealand", "nicaragua", "niger",
    "nigeria", "north korea", "north macedonia", "norway", "oman", "pakistan", "palau",
    "palestine", "panama", "papua new guinea", "paraguay", "peru", "philippines", "poland",
    "portugal", "qatar", "romania", "russia", "rwanda", "samoa", "san marino", "saudi arabia",
    "senegal", "serbia", "seychelles", "sierra leone", "singapore", "slovakia", "slovenia",
    "somalia", "south africa", "south korea", "south sudan", "spain", "sri lanka", "sudan",
    "suriname", "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania",
    "thailand", "togo", "tonga", "tunisia", "turkey", "turkiye", "turkmenistan", "tuvalu",
    "uganda", "ukraine", "uruguay", "uzbekistan", "vanuatu", "vatican", "venezuela", "vietnam",
    "yemen", "zambia", "zimbabwe", "britain", "great britain", "england", "scotland", "wales",
    "america", "korea", "the netherlands", "u.s.", "u.k.", "us", "uk", "usa",
    // Capitals and cities that stand for a government or a market.
    "kabul", "algiers", "buenos aires", "canberra", "vienna", "baku", "dhaka", "minsk",
    "brussels", "brasilia", "sofia", "phnom penh", "ottawa", "santiago", "beijing", "bogota",
    "havana", "nicosia", "prague", "copenhagen", "quito", "cairo", "addis ababa", "helsinki",
    "paris", "berlin", "accra", "athens", "budapest", "reykjavik", "new delhi", "delhi",
    "jakarta", "tehran", "baghdad", "dublin", "jerusalem", "rome", "tokyo", "amman", "astana",
    "nairobi", "pristina", "kuwait city", "beirut", "tripoli", "vilnius", "riga", "tallinn",
    "kuala lumpur", "bamako", "mexico city", "chisinau", "rabat", "maputo", "naypyidaw",
    "kathmandu", "amsterdam", "the hague", "wellington", "managua", "abuja", "lagos",
    "pyongyang", "oslo", "muscat", "islamabad", "panama city", "lima", "manila", "warsaw",
    "lisbon", "doha", "bucharest", "moscow", "kigali", "riyadh", "dakar", "belgrade",
    "mogadishu", "pretoria", "johannesburg", "seoul", "juba", "madrid", "colombo", "khartoum",
    "stockholm", "bern", "geneva", "damascus", "taipei", "bangkok", "tunis", "ankara",
    "istanbul", "kampala", "kyiv", "kiev", "montevideo", "tashkent", "caracas", "hanoi",
    "sanaa", "lusaka", "harare", "london", "washington", "tbilisi", "yerevan", "hong kong",
    "macau", "gaza", "kinshasa", "luanda", "dar es salaam", "dodoma", "tel aviv",
    // Regions and unions of states that speak as one.
    "europe", "africa", "asia", "latin america", "the west", "crimea", "kashmir", "kurdistan",
    "catalonia", "quebec", "tibet", "darfur",
]);

/// Whether `name` (any case) is one of [`PLACES`]: "Seoul", "South Korea".
pub(crate) fn is_place(name: &str) -> bool {
    PLACES.contains_lower(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_capitals_and_regions_are_listed_in_lowercase() {
        for place in ["kenya", "south korea", "seoul", "dar es salaam", "europe"] {
            assert!(PLACES.contains(place), "{place}");
        }
        for other in ["Kenya", "wei", "nordvik", "lund"] {
            assert!(!PLACES.contains(other), "{other}");
        }
    }
}
