//! A movement turned round: « un convoi à destination de Bamako » rendered "a convoy from
//! Bamako", « le vol en provenance de Dakar » rendered "the flight to Dakar". The French
//! marks where a movement goes (« à destination de », « en direction de », « vers »,
//! « rallier », « rejoindre », « regagner ») or where it comes from (« en provenance de »,
//! « venant de », « parti de », « au départ de », « depuis », « quitter »); the English
//! marks the same place with its own prepositions. A place the English gives only the
//! other role is flagged.

use super::{names, Category, Finding, Pair, Severity, Tokens, Word};

pub const RULE: &str = "mistranslation.direction-reversed";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Origin,
    Destination,
}

/// A place the French gives a role: the word indices of the cue's first word and of the
/// place name.
#[derive(Debug, Clone)]
struct Marked {
    role: Role,
    cue: usize,
    place: usize,
}

/// Stems of French verbs of going to a place (« rallier », « rejoignent », « regagné »).
const TOWARDS_VERBS: &[&str] = &["ralli", "rejoi", "regagn"];
/// Stems of French verbs of arriving somewhere, before « à », « au » or « en ».
const ARRIVAL_VERBS: &[&str] = &["rentr", "accost", "atterr", "debarqu", "ramen"];
/// Stems of French verbs of leaving a place named as their object (« quitter Gao »,
/// « fuient Khartoum »).
const LEAVING_VERBS: &[&str] = &["quitt", "fuient", "fuit", "fuyant", "fuyaient", "fuir"];
/// Nouns of places before the name they belong to (« vers l'aéroport de Larnaca »).
const PLACE_NOUNS: &[&str] = &[
    "aeroport",
    "port",
    "gare",
    "ville",
    "region",
    "province",
    "capitale",
    "localite",
    "village",
    "camp",
    "base",
    "prefecture",
    "commune",
    "cercle",
    "quartier",
    "reserve",
    "ile",
];

/// Words after which « de » introduces where one comes from (« venant de », « partis de »).
const FROM_WORDS: &[&str] = &[
    "venant", "venu", "venue", "venus", "venues", "parti", "partie", "partis", "parties",
];
/// English words after which "for" gives a destination ("bound for", "left for").
const FOR_DESTINATION: &[&str] = &[
    "bound", "heading", "headed", "left", "leaving", "leave", "leaves", "departed", "off", "flew",
    "sailed", "set",
];
/// English words after which a place is the destination.
const ENGLISH_TOWARDS: &[&str] = &[
    "towards", "toward", "into", "reach", "reached", "reaches", "reaching", "join", "joined",
    "joins", "joining", "rejoin", "rejoined",
];
/// English verbs of arriving, after which "at" or "in" gives a destination ("arrived at
/// the base", "landed in Bamako").
const ENGLISH_ARRIVAL: &[&str] = &[
    "arrived", "arrive", "arrives", "arriving", "landed", "land", "lands", "landing", "docked",
    "down",
];
/// English words after which a place is the origin.
const ENGLISH_FROM: &[&str] = &[
    "from", "leaving", "left", "leave", "leaves", "fled", "fleeing",
];
/// English words before "to" that make it no direction ("close to Gao").
const NOT_DIRECTION_TO: &[&str] = &["close", "next", "near", "home", "adjacent", "due"];

pub fn check(pair: &Pair, tokens: &Tokens) -> Vec<Finding> {
    let marked = french_directions(&tokens.source);
    let mut findings = Vec::new();
    for m in &marked {
        let place = &tokens.source[m.place];
        let both_roles = marked
            .iter()
            .any(|o| o.role != m.role && tokens.source[o.place].folded == place.folded);
        if both_roles {
            continue;
        }
        let roles = english_roles(&tokens.target, &place.folded);
        if roles.iter().any(|&(_, _, role)| role == m.role) {
            continue;
        }
        if let Some(&(start, end, _)) = roles.first() {
            findings.push(finding(pair, tokens, m, (start, end)));
        }
    }
    findings
}

/// The places the French gives a direction, in order.
fn french_directions(words: &[Word]) -> Vec<Marked> {
    let mut marked = Vec::new();
    for k in 0..words.len() {
        let folded = words[k].folded.as_str();
        let previous = k.checked_sub(1).map(|j| words[j].folded.as_str());
        let (role, after) = match (previous, folded) {
            (Some("a"), "destination") | (Some("en"), "direction") => {
                (Role::Destination, of(words, k + 1))
            }
            (_, "vers" | "pour") => (Role::Destination, Some(k + 1)),
            // « prendre la route de Ségou »: to head for it.
            (Some("la"), "route") if took_the_road(words, k) => {
                (Role::Destination, of(words, k + 1))
            }
            (Some("cap"), "sur") => (Role::Destination, Some(k + 1)),
            _ if TOWARDS_VERBS.iter().any(|s| folded.starts_with(s)) => {
                (Role::Destination, Some(past_times(words, k + 1)))
            }
            // « rentré à Londres », « a accosté à Alger »: arriving there.
            _ if ARRIVAL_VERBS.iter().any(|s| folded.starts_with(s)) => {
                (Role::Destination, at_place(words, k + 1))
            }
            (Some("en"), "provenance") | (Some("au"), "depart") => (Role::Origin, of(words, k + 1)),
            _ if FROM_WORDS.contains(&folded) => (Role::Origin, of(words, k + 1)),
            (_, "depuis") => (Role::Origin, Some(k + 1)),
            _ if LEAVING_VERBS.iter().any(|s| folded.starts_with(s)) => {
                (Role::Origin, Some(past_times(words, k + 1)))
            }
            _ => continue,
        };
        let cue = if matches!(
            folded,
            "destination" | "direction" | "provenance" | "depart" | "sur"
        ) {
            k - 1
        } else {
            k
        };
        if let Some(place) = after.and_then(|at| place_at(words, at)) {
            marked.push(Marked { role, cue, place });
        }
    }
    marked.extend(from_to(words));
    marked
}

/// French words of time that stand between a verb and its object (« a quitté jeudi la
/// base », « rejoindra demain Niamey »).
const TIME_WORDS: &[&str] = &[
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "hier",
    "demain",
    "matin",
    "soir",
    "enfin",
    "finalement",
    "aussitot",
    "deja",
    "alors",
];

/// The first word from `k` on that is no word of time.
fn past_times(words: &[Word], k: usize) -> usize {
    let times = words[k.min(words.len())..]
        .iter()
        .take_while(|w| TIME_WORDS.contains(&w.folded.as_str()))
        .count();
    k + times
}

/// « pris la route », « prennent la route »: the road taken leads to the place.
fn took_the_road(words: &[Word], route: usize) -> bool {
    route >= 2 && {
        let verb = words[route - 2].folded.as_str();
        verb.starts_with("pri") || verb.starts_with("prend") || verb.starts_with("pren")
    }
}

/// The word after « de », « d' », « du » or « des » at `k`.
fn of(words: &[Word], k: usize) -> Option<usize> {
    let word = words.get(k)?;
    matches!(word.folded.as_str(), "de" | "d'" | "d’" | "du" | "des").then_some(k + 1)
}

/// The word after « à », « au » or « en » at `k`.
fn at_place(words: &[Word], k: usize) -> Option<usize> {
    let word = words.get(k)?;
    matches!(word.folded.as_str(), "a" | "au" | "aux" | "en").then_some(k + 1)
}

/// A place name at `k`, past an article (« vers la Mauritanie ») and a noun of place
/// (« vers l'aéroport de Larnaca »).
fn place_at(words: &[Word], k: usize) -> Option<usize> {
    let article = words
        .get(k)
        .is_some_and(|w| matches!(w.folded.as_str(), "la" | "le" | "les" | "l'" | "l’"));
    let k = if article { k + 1 } else { k };
    let word = words.get(k)?;
    if PLACE_NOUNS.contains(&word.folded.as_str()) {
        return of(words, k + 1).and_then(|name| place_at(words, name));
    }
    (word.is_word() && word.is_capitalised()).then_some(k)
}

/// « de Gao à Ansongo », « du Serengeti vers le Masai Mara »: an origin and a
/// destination, the first name right after its preposition.
fn from_to(words: &[Word]) -> Vec<Marked> {
    let mut marked = Vec::new();
    for k in 0..words.len().saturating_sub(3) {
        if !matches!(words[k].folded.as_str(), "de" | "d'" | "d’" | "du" | "des") {
            continue;
        }
        let Some(origin) = place_at(words, k + 1).filter(|&p| p == k + 1) else {
            continue;
        };
        let to = origin + 1;
        if !matches!(
            words[to].folded.as_str(),
            "a" | "au" | "aux" | "jusqu'a" | "jusqu’a" | "vers"
        ) {
            continue;
        }
        if let Some(destination) = place_at(words, to + 1) {
            marked.push(Marked {
                role: Role::Origin,
                cue: k,
                place: origin,
            });
            marked.push(Marked {
                role: Role::Destination,
                cue: to,
                place: destination,
            });
        }
    }
    marked
}

/// Each English mention of the place with a direction: the word indices of the
/// preposition or verb and of the place, and the role they give it.
fn english_roles(words: &[Word], place: &str) -> Vec<(usize, usize, Role)> {
    let mut roles = Vec::new();
    for (j, word) in words.iter().enumerate() {
        if !word.is_word() || !word.is_capitalised() {
            continue;
        }
        if let Some(name) = word.folded.strip_suffix("-bound") {
            if names::same_name(place, name) {
                roles.push((j, j, Role::Destination));
            }
            continue;
        }
        if !names::same_name(place, &word.folded) {
            continue;
        }
        if let Some((start, role)) = role_before(words, j) {
            roles.push((start, j, role));
        }
    }
    roles
}

/// English nouns of places before "of" and the name ("the port of Tripoli").
const ENGLISH_PLACE_NOUNS: &[&str] = &[
    "port", "town", "city", "region", "province", "village", "airport", "camp", "base", "capital",
    "island", "district",
];

/// English words between a preposition and a place ("from neighbouring Mauritania").
fn is_place_modifier(word: &Word) -> bool {
    let folded = word.folded.as_str();
    matches!(
        folded,
        "neighbouring" | "neighboring" | "nearby" | "central"
    ) || folded.ends_with("ern")
}

/// The direction the words before the place at `j` give it, past the first words of its
/// name ("South America"), a modifier ("northern"), "the" and "the port of".
fn role_before(words: &[Word], j: usize) -> Option<(usize, Role)> {
    let mut k = j.checked_sub(1)?;
    // The first words of a name of several ("South America", "Saudi Arabia").
    let rest_of_name = |w: &Word| {
        matches!(
            w.text,
            "South" | "North" | "East" | "West" | "Central" | "New" | "Saudi" | "Upper" | "Lower"
        )
    };
    while rest_of_name(&words[k]) || is_place_modifier(&words[k]) {
        k = k.checked_sub(1)?;
    }
    if words[k].folded == "of"
        && k >= 1
        && ENGLISH_PLACE_NOUNS.contains(&words[k - 1].folded.as_str())
    {
        k = k.checked_sub(2)?;
    }
    if words[k].folded == "the" {
        k = k.checked_sub(1)?;
    }
    let word = words[k].folded.as_str();
    let before = k.checked_sub(1).map(|i| words[i].folded.as_str());
    let role = match word {
        "to" if !before.is_some_and(|b| NOT_DIRECTION_TO.contains(&b)) => Role::Destination,
        "for" if before.is_some_and(|b| FOR_DESTINATION.contains(&b)) => Role::Destination,
        "of" if before == Some("out") => Role::Origin,
        "at" | "in" if before.is_some_and(|b| ENGLISH_ARRIVAL.contains(&b)) => Role::Destination,
        _ if ENGLISH_TOWARDS.contains(&word) => Role::Destination,
        _ if ENGLISH_FROM.contains(&word) => Role::Origin,
        _ => return None,
    };
    // The verb or word before belongs to the marker: "bound for", "out of", "arrived at".
    let start = if matches!(word, "for" | "of" | "at" | "in") {
        k - 1
    } else {
        k
    };
    Some((start, role))
}

fn finding(pair: &Pair, tokens: &Tokens, marked: &Marked, (start, end): (usize, usize)) -> Finding {
    let (french, english) = (&tokens.source, &tokens.target);
    let place = &french[marked.place];
    let (english_start, english_end) = (english[start].start, english[end].end);
    let english_text = &pair.target.text[english_start..english_end];
    let french_text = &pair.source.text[french[marked.cue].start..place.end];
    let (said, made, fix) = match marked.role {
        Role::Destination => (
            "where the movement goes",
            "where it comes from",
            "to, bound for",
        ),
        Role::Origin => ("where the movement comes from", "where it goes", "from"),
    };
    Finding::new(
        RULE,
        Category::Mistranslation,
        Severity::Warning,
        Some(pair.source.span(french[marked.cue].start, place.end)),
        Some(pair.target.span(english_start, english_end)),
        format!(
            "« {french_text} » says {said}; \"{english_text}\" makes {} {made}",
            place.text
        ),
    )
    .suggest(format!("{fix} {}", place.text))
}

#[cfg(test)]
mod tests {
    fn flagged(fr: &str, en: &str) -> bool {
        crate::check::fires(super::RULE, fr, en)
    }

    #[test]
    fn a_destination_made_an_origin_and_back_is_flagged() {
        assert!(flagged(
            "Un camion à destination de Kayes a été intercepté.",
            "A lorry from Kayes was intercepted."
        ));
        assert!(flagged(
            "Les passagers en provenance de Conakry ont été placés en quarantaine.",
            "Passengers bound for Conakry were quarantined."
        ));
        // A day between the verb and the place; an arrival for a departure.
        assert!(flagged(
            "Le dernier convoi a quitté jeudi la ville de Ménaka.",
            "The last convoy arrived in the town of Menaka on Thursday."
        ));
    }

    #[test]
    fn names_the_exonym_table_tells_apart_are_not_taken_for_one_another() {
        assert!(super::names::same_name("segou", "segou"));
        assert!(super::names::same_name("tillaberi", "tillabery"));
        assert!(super::names::same_name("tombouctou", "timbuktu"));
        assert!(!super::names::same_name("niger", "nigeria"));
    }

    #[test]
    fn kept_directions_of_and_nearness_stay_silent() {
        for (fr, en) in [
            (
                "Un camion à destination de Kayes a été intercepté.",
                "A Kayes-bound lorry was intercepted.",
            ),
            (
                "Le gouverneur de Kayes s'est rendu vers midi au marché.",
                "The governor of Kayes went to the market around noon.",
            ),
            (
                "Des renforts venus de Sikasso sont arrivés près de Kayes.",
                "Reinforcements from Sikasso arrived close to Kayes.",
            ),
            (
                "Le dernier convoi a quitté jeudi la ville de Ménaka.",
                "The last convoy left the town of Menaka on Thursday.",
            ),
            (
                "L'avion a rejoint mardi Bamako.",
                "The plane touched down in Bamako on Tuesday.",
            ),
        ] {
            assert!(!flagged(fr, en), "{en}");
        }
    }
}
