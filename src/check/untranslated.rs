//! Untranslated text: a whole English segment still in French, or French words left in
//! an English sentence ("code-mixing": "…in physiology and comportement…").
//!
//! Evidence, strongest first: frequent French words that are not English (data file);
//! words copied as they are from the French source that carry French accents or French
//! endings (-ement, -eux, -eaux, -oire…); French elisions (l', d', qu') before a
//! lower-case word. Whole segments are judged by their share of French words, with the
//! language detector only as a tie-breaker, since it is unreliable on one sentence.

use super::{Category, Finding, Pair, Severity, Tokens, Word};
use foldhash::HashSet;
use std::borrow::Cow;
use std::sync::OnceLock;

const FRENCH_WORDS: &str = include_str!("data/french-words.txt");

fn french_words() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        FRENCH_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    })
}

/// Frequent English function words: evidence that a segment is English.
const ENGLISH_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "was", "that", "for", "it", "with", "as", "on", "be",
    "by", "at", "this", "have", "from", "or", "had", "not", "but", "are", "were", "they", "which",
    "you", "he", "she", "his", "her", "their", "has", "been", "will", "would", "who", "an", "its",
    "there", "after", "also", "said", "we", "our",
];

/// Looked up for every English word of every pair: a set, not a scan of the list.
fn english_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| ENGLISH_WORDS.iter().copied().collect())
}

fn english_borrowings() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| ENGLISH_BORROWINGS.iter().copied().collect())
}

/// Endings of French words that English words copied unchanged from French rarely have.
const FRENCH_ENDINGS: &[&str] = &[
    "ement", "ements", "eux", "euse", "euses", "eaux", "oire", "oires", "iques", "ienne", "iennes",
    "aient", "ées", "ée", "ir", "eurs", "ais", "ique", "ante", "antes", "ois", "eau", "aire",
    "aires",
];

/// English words with those endings or accents, borrowed from French.
const ENGLISH_BORROWINGS: &[&str] = &[
    "café",
    "cafés",
    "résumé",
    "cliché",
    "décor",
    "fiancé",
    "fiancée",
    "naïve",
    "protégé",
    "façade",
    "entrée",
    "rosé",
    "soufflé",
    "sauté",
    "crème",
    "élite",
    "régime",
    "née",
    "emir",
    "elixir",
    "souvenir",
    "nadir",
    "tapir",
    "menhir",
    "engagement",
    "engagements",
    "management",
    "arrangement",
    "arrangements",
    "amateurs",
    "entrepreneurs",
    "chauffeurs",
    "saboteurs",
    "grandeur",
    "memoir",
    "reservoir",
    "repertoire",
    "unique",
    "techniques",
    "critiques",
    "boutiques",
    "antiques",
    "plateaux",
    "tableaux",
    "bureaux",
    "chateaux",
    "château",
    "pied",
    "coup",
    "détente",
    "exposé",
    "passé",
    "cortège",
    "premières",
    "technique",
    "critique",
    "boutique",
    "antique",
    "physique",
    "mystique",
    "oblique",
    "clique",
    "bourgeois",
    "beau",
    "trousseau",
    "millionaire",
    "questionnaire",
    "doctrinaire",
    "solitaire",
    "billionaire",
    "commissionaire",
    "andante",
    "dante",
    "attaché",
    "arrondissement",
    "arrondissements",
    "communiqué",
    "touché",
    "séance",
];

/// French phrases English has borrowed whole, lower case, with their accents; a word inside
/// one is English ("coup d'état", "raison d'être").
const ENGLISH_BORROWED_PHRASES: &[&str] = &[
    "coup d'état",
    "coup d'etat",
    "coups d'état",
    "coup de grâce",
    "coup de théâtre",
    "raison d'être",
    "raison d'état",
    "fait accompli",
    "tête-à-tête",
    "vis-à-vis",
    "force majeure",
    "cordon sanitaire",
    "laissez-faire",
    "esprit de corps",
    "hors de combat",
    "bête noire",
    "enfant terrible",
    "agent provocateur",
    "carte blanche",
    "déjà vu",
    "savoir-faire",
    "nouveau riche",
    "joie de vivre",
    "pièce de résistance",
    "crème de la crème",
    "à la carte",
    "en masse",
    "en route",
    "par excellence",
    "sang-froid",
    "tour de force",
    "cause célèbre",
    "femme fatale",
    "fin de siècle",
    "idée fixe",
    "mise en scène",
    "noblesse oblige",
    "nom de guerre",
    "noms de guerre",
    "pied-à-terre",
    "éminence grise",
    "chargé d'affaires",
    "chargée d'affaires",
    "aide-mémoire",
    "bon vivant",
    "cul-de-sac",
    "je ne sais quoi",
    "c'est la vie",
    "au revoir",
];

/// Byte ranges of the borrowed phrases in `lower` (lower-cased by the caller), written
/// with a straight or a typographic apostrophe.
fn borrowed_phrase_ranges(lower: &str) -> Vec<(usize, usize)> {
    ENGLISH_BORROWED_PHRASES
        .iter()
        .flat_map(|phrase| [phrase.to_string(), phrase.replace('\'', "’")])
        .flat_map(|phrase| {
            lower
                .match_indices(phrase.as_str())
                .map(|(at, p)| (at, at + p.len()))
                .collect::<Vec<_>>()
        })
        .collect()
}

const ACCENTS: &[char] = &[
    'é', 'è', 'ê', 'ë', 'à', 'â', 'î', 'ï', 'ô', 'û', 'ù', 'ç', 'œ',
];

/// French elided clitics, as the tokenizer keeps them: "l'", "d'", "qu'".
fn is_elision(word: &str) -> bool {
    matches!(
        word.trim_end_matches(crate::text::token::is_apostrophe),
        "l" | "d" | "qu" | "s" | "n" | "j" | "c" | "jusqu" | "lorsqu" | "puisqu"
    ) && word.ends_with(crate::text::token::is_apostrophe)
}

/// True when an English-side word is French.
fn looks_french(
    word: &Word,
    lower: &str,
    copied: impl Fn(&str) -> bool,
    previous: Option<&Word>,
    next: Option<&Word>,
) -> bool {
    if english_borrowings().contains(lower) {
        return false;
    }
    // "l'humidité", "d'autres": a French elision before a lower-case word.
    if is_elision(lower) {
        return next.is_some_and(|n| n.is_word() && !n.is_capitalised());
    }
    let bare = lower.trim_end_matches(crate::text::token::is_apostrophe);
    if french_words().contains(bare) {
        // "Le Monde", "de Gaulle", "Rue de Retinne": small words inside names stay.
        let particle = bare.chars().count() <= 3;
        let in_name = next.is_some_and(|n| n.is_capitalised())
            || particle && previous.is_some_and(|p| p.is_word() && p.is_capitalised());
        return !in_name;
    }
    if word.text.chars().count() < 4 {
        return false;
    }
    // An accented word is French whether or not the source has it ("dictée").
    lower.contains(ACCENTS) || FRENCH_ENDINGS.iter().any(|e| lower.ends_with(e)) && copied(lower)
}

/// Byte ranges of the target that sit between quotation marks (titles, quoted names).
fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '«' | '“' => open = Some(i),
            '»' | '”' => {
                if let Some(s) = open.take() {
                    ranges.push((s, i));
                }
            }
            '"' => match open.take() {
                Some(s) => ranges.push((s, i)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    ranges
}

/// The quotations left in their original language (a title, a slogan): a quotation that
/// is mostly English was translated, and French left inside it is untranslated too.
fn kept_quotations(words: &[Word], ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let english = crate::text::lang::stop_words("en");
    let english_word = |w: &Word| {
        w.is_word()
            && english.is_some_and(|stop| stop.contains(w.folded.as_str()))
            && !french_words().contains(&w.folded)
    };
    ranges
        .into_iter()
        .filter(|&(s, e)| {
            let inside = words.iter().filter(|w| w.start > s && w.end <= e);
            inside.filter(|w| english_word(w)).count() < MIN_ENGLISH_IN_TRANSLATED_QUOTE
        })
        .collect()
}

/// English function words that show a quotation was translated.
const MIN_ENGLISH_IN_TRANSLATED_QUOTE: usize = 2;

/// Share of French and English evidence among the target's words.
fn language_shares(words: &[Word]) -> (usize, usize, usize) {
    let mut total = 0;
    let (mut french, mut english) = (0, 0);
    for w in words.iter().filter(|w| w.is_word()) {
        total += 1;
        let lower = if w.text.is_ascii() {
            std::borrow::Cow::Borrowed(w.folded.as_str())
        } else {
            std::borrow::Cow::Owned(w.text.to_lowercase())
        };
        if french_words().contains(lower.as_ref()) || is_elision(&lower) {
            french += 1;
        }
        if english_words().contains(lower.as_ref()) {
            english += 1;
        }
    }
    (total, french, english)
}

/// A whole target segment left in French (or copied from the source).
pub fn untranslated_segment(pair: &Pair, tokens: &Tokens) -> Option<Finding> {
    let (total, french, english) = language_shares(&tokens.target);
    let (s, t) = (pair.source.text.len(), pair.target.text.len());
    let copied = total >= 3 && s.abs_diff(t) * 10 <= s.max(t) && same_words(tokens);
    let mostly_french = total >= 3 && french * 10 >= total * 3 && french > english * 2;
    let detected_french =
        || crate::text::lang::detect(pair.target.text).is_some_and(|d| d.lang == "fr");
    if copied || (mostly_french && (french * 2 >= total || detected_french())) {
        return Some(
            Finding::new(
                "untranslated.segment",
                Category::Untranslated,
                Severity::Error,
                Some(pair.source.whole()),
                Some(pair.target.whole()),
                "this English segment is still in French".to_string(),
            )
            .suggest("translate the sentence"),
        );
    }
    None
}

/// The two sides spell the same words, accents and case aside: the English is a copy.
/// Compares the tokens' folded forms, already computed, instead of folding both texts again.
fn same_words(tokens: &Tokens) -> bool {
    fn spelled<'w>(words: &'w [Word]) -> impl Iterator<Item = &'w str> {
        words
            .iter()
            .filter(|w| w.kind != crate::text::token::TokenKind::Punct)
            .map(|w| w.folded.as_str())
    }
    spelled(&tokens.source).eq(spelled(&tokens.target))
}

/// French quotation marks « » left in English, which uses “ ”.
pub fn guillemets(pair: &Pair) -> Option<Finding> {
    let start = pair.target.text.find('«')?;
    let end = pair.target.text[start..]
        .find('»')
        .map_or(start + '«'.len_utf8(), |e| start + e + '»'.len_utf8());
    Some(
        Finding::new(
            "punctuation.guillemets",
            Category::Punctuation,
            Severity::Warning,
            None,
            Some(pair.target.span(start, end)),
            "French quotation marks « » in English copy".to_string(),
        )
        .suggest("use “ ” and no space inside the quotes"),
    )
}

/// French words left inside an English segment, one finding per run of them.
pub fn check(pair: &Pair, tokens: &Tokens) -> Vec<Finding> {
    // Asked only of an unaccented word with a French ending: most pairs have none.
    let copied = |lower: &str| {
        tokens
            .source
            .iter()
            .any(|s| s.is_word() && lower_case(s) == lower)
    };
    let quoted = kept_quotations(&tokens.target, quoted_ranges(pair.target.text));
    let in_quotes = |w: &Word| quoted.iter().any(|&(s, e)| w.start > s && w.end <= e);
    // Found only when a word looks French: most pairs have none.
    let borrowed = std::cell::OnceCell::new();
    let in_borrowed = |w: &Word| {
        let ranges = borrowed.get_or_init(|| {
            // Lower-casing keeps byte offsets for the letters of the borrowed phrases.
            let lower = pair.target.text.to_lowercase();
            if lower.len() == pair.target.text.len() {
                borrowed_phrase_ranges(&lower)
            } else {
                Vec::new()
            }
        });
        ranges.iter().any(|&(s, e)| s <= w.start && w.end <= e)
    };
    let target = &tokens.target;
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (k, w) in target.iter().enumerate() {
        if !w.is_word() || in_quotes(w) {
            continue;
        }
        let opens_sentence = k == 0
            || target[k - 1].kind == crate::text::token::TokenKind::Punct
                && matches!(target[k - 1].text, "." | "!" | "?" | ":");
        let lower = lower_case(w);
        // Capitalised words are names, unless a French word opens a sentence ("Dans…").
        if w.is_capitalised() && !(opens_sentence && french_words().contains(lower.as_ref())) {
            continue;
        }
        let previous = k.checked_sub(1).map(|p| &target[p]);
        if !looks_french(w, &lower, copied, previous, target.get(k + 1)) || in_borrowed(w) {
            continue;
        }
        match runs.last_mut() {
            Some(run) if pair.target.text[run.1..w.start].trim().is_empty() => run.1 = w.end,
            _ => runs.push((w.start, w.end)),
        }
    }
    let mut findings = quoted_speech(pair, target, &quoted);
    findings.extend(titles_of_address(pair, tokens));
    let text = pair.target.text;
    runs.retain(|&(start, end)| !names_a_body(text, start, end));
    findings.extend(runs.into_iter().map(|(start, end)| {
        let text = &pair.target.text[start..end];
        Finding::new(
            "untranslated.word",
            Category::Untranslated,
            Severity::Warning,
            None,
            Some(pair.target.span(start, end)),
            format!("« {text} » is French left in the English"),
        )
        .suggest("translate it")
    }));
    findings
}

/// A word in lower case, with one apostrophe. ASCII words have it already in `folded`.
fn lower_case<'w>(w: &'w Word) -> Cow<'w, str> {
    if w.text.is_ascii() {
        Cow::Borrowed(w.folded.as_str())
    } else {
        Cow::Owned(w.text.to_lowercase().replace(['’', 'ʼ'], "'"))
    }
}

/// French titles of address before a name and the English that replaces them: a lawyer's
/// « Me » (Maître) is "lawyer X" or the name alone.
const TITLES_OF_ADDRESS: &[(&str, &str)] = &[
    ("Mme", "Ms, or the name alone"),
    ("Mlle", "Ms, or the name alone"),
    ("Me", "the name alone, with \"lawyer\" if needed"),
    ("M", "Mr, or the name alone"),
];

/// A French title of address left before a name in English ("Me Abdoulaye Sangaré",
/// "Mme Sow"), when the French has it too. Inside a sentence only: "Me" opening one may be
/// the English pronoun.
fn titles_of_address(pair: &Pair, tokens: &Tokens) -> Vec<Finding> {
    let target = &tokens.target;
    let title_before_name = |words: &[Word], k: usize, title: &str| {
        let w = &words[k];
        let mut next = k + 1;
        if title == "M" {
            if !words.get(next).is_some_and(|n| n.text == ".") {
                return false;
            }
            next += 1;
        }
        w.text == title
            && words
                .get(next)
                .is_some_and(|n| n.is_word() && n.is_capitalised())
    };
    let mut findings = Vec::new();
    for (k, w) in target.iter().enumerate() {
        let Some(&(title, english)) = TITLES_OF_ADDRESS.iter().find(|(t, _)| *t == w.text) else {
            continue;
        };
        let inside_sentence = k > 0
            && !matches!(
                target[k - 1].text,
                "." | "!" | "?" | "\"" | "“" | ":" | "(" | "-"
            );
        let in_french =
            (0..tokens.source.len()).any(|j| title_before_name(&tokens.source, j, title));
        if inside_sentence && in_french && title_before_name(target, k, title) {
            findings.push(
                Finding::new(
                    "untranslated.title",
                    Category::Untranslated,
                    Severity::Warning,
                    None,
                    Some(pair.target.span(w.start, w.end)),
                    format!("« {title} » is a French title of address left in the English"),
                )
                .suggest(english),
            );
        }
    }
    findings
}

/// Whether French words at `start..end` of `text` finish the name of a body kept in
/// French with its acronym: "the NGO Observatoire sahélien des libertés (OSL)". The word
/// before them is capitalised, and the acronym after them starts with its initial.
fn names_a_body(text: &str, start: usize, end: usize) -> bool {
    let head = text[..start].trim_end();
    let head_word = head
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let Some(initial) = head_word.chars().next().filter(|c| c.is_uppercase()) else {
        return false;
    };
    let Some(acronym) = text[end..]
        .trim_start()
        .strip_prefix('(')
        .and_then(|rest| rest.split(')').next())
    else {
        return false;
    };
    acronym.len() >= 2
        && acronym.starts_with(initial)
        && acronym.chars().all(|c| c.is_uppercase() || c == '-')
}

/// Fewest words of a quotation left in French that is quoted speech rather than a slogan
/// or a title (« la patrie ou la mort »).
const MIN_SPEECH_WORDS: usize = 6;

/// Quotations kept in French that are speech: long, opening in lower case (a title opens
/// with a capital), at least half of them words of our French list or copied from the
/// French as they stand (the quotation has almost no English function words, or it would
/// not count as kept). A reader of the English cannot follow them.
fn quoted_speech(pair: &Pair, words: &[Word], quoted: &[(usize, usize)]) -> Vec<Finding> {
    quoted
        .iter()
        .filter(|&&(s, e)| {
            let inside: Vec<&Word> = words
                .iter()
                .filter(|w| w.is_word() && w.start > s && w.end <= e)
                .collect();
            let french = inside
                .iter()
                .filter(|w| {
                    french_words().contains(&w.text.to_lowercase()) || is_elision(&w.folded)
                })
                .count();
            // Copied word for word from the French: left untranslated, whatever its words.
            let copied = || {
                let (first, last) = (inside[0], inside[inside.len() - 1]);
                pair.source
                    .text
                    .contains(&pair.target.text[first.start..last.end])
            };
            inside.len() >= MIN_SPEECH_WORDS
                && !inside[0].is_capitalised()
                && (french * 2 >= inside.len() || copied())
        })
        .map(|&(s, e)| {
            let (start, end) = (
                s + pair.target.text[s..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8),
                e,
            );
            Finding::new(
                "untranslated.quotation",
                Category::Untranslated,
                Severity::Warning,
                None,
                Some(pair.target.span(start, end)),
                "this quotation is still in French".to_string(),
            )
            .suggest("translate the quotation")
        })
        .collect()
}

#[cfg(test)]
mod tests {

    fn rules(fr: &str, en: &str) -> Vec<String> {
        crate::check::family_rules_on("untranslated.", fr, en)
    }

    #[test]
    fn french_words_left_in_english_are_flagged() {
        let fr = "De nombreux rythmes dépendent du comportement et de la physiologie.";
        assert_eq!(
            rules(fr, "Many rhythms depend on behaviour et physiology."),
            vec!["untranslated.word"]
        );
        assert_eq!(
            rules(fr, "Many rhythms depend on comportement and physiology."),
            vec!["untranslated.word"]
        );
        assert!(rules(fr, "Many rhythms depend on behaviour and physiology.").is_empty());
    }

    #[test]
    fn french_inside_a_translated_quotation_is_untranslated() {
        let fr = "« La situation est grave, les gens manquent de tout », a-t-il dit.";
        let found = rules(
            fr,
            "\"The situation is serious, les gens manquent de tout,\" he said.",
        );
        assert!(found.iter().any(|r| r == "untranslated.word"), "{found:?}");
        // A quotation kept in French (a slogan, a title) is not.
        let fr = "Les manifestants scandaient « la patrie ou la mort ».";
        let kept = rules(fr, "The protesters chanted \"la patrie ou la mort\".");
        assert!(!kept.iter().any(|r| r == "untranslated.word"), "{kept:?}");
        // Quoted speech left in French is.
        let fr = "Reporters sans frontières a dénoncé mardi dans un communiqué « une nouvelle étape dans l'étouffement de l'information au Sahel » et appelé à la libération des journalistes détenus.";
        let speech = rules(
            fr,
            "Reporters Without Borders on Tuesday denounced in a statement \"une nouvelle étape dans l'étouffement de l'information au Sahel\" and called for the release of detained journalists.",
        );
        assert_eq!(speech, ["untranslated.quotation"]);
        let fr = "Le ministre a évoqué des « mesures conservatoires pour préserver la paix ».";
        let short = rules(
            fr,
            "The minister referred to \"mesures conservatoires pour préserver la paix\".",
        );
        assert_eq!(short, ["untranslated.quotation"]);
    }

    #[test]
    fn the_french_name_of_a_body_with_its_acronym_is_kept() {
        let fr = "L'ONG Observatoire sahélien des libertés (OSL) a dénoncé un « acharnement ».";
        assert!(rules(
            fr,
            "The NGO Observatoire sahélien des libertés (OSL) denounced \"persecution\"."
        )
        .is_empty());
        assert_eq!(
            rules(
                fr,
                "The NGO denounced the persecution sahélien des libertés of the junta."
            ),
            ["untranslated.word"]
        );
    }

    #[test]
    fn french_titles_of_address_left_in_english_are_flagged() {
        let fr = "« C'est un verdict politique », a réagi son avocat, Me Abdoulaye Sangaré.";
        assert_eq!(
            rules(
                fr,
                "\"This is a political verdict,\" said his lawyer, Me Abdoulaye Sangare."
            ),
            ["untranslated.title"]
        );
        assert!(rules(
            fr,
            "\"This is a political verdict,\" said his lawyer Abdoulaye Sangare."
        )
        .is_empty());
        // The English pronoun and titles the French does not have are left alone.
        let fr = "« Donnez-moi une chance », a-t-il dit à Mme Sow.";
        assert!(rules(fr, "\"Give Me a chance,\" he told Sow.").is_empty());
    }

    #[test]
    fn french_phrases_english_has_borrowed_are_english() {
        let fr = "Le général est au pouvoir depuis le coup d'État de 2023.";
        for en in [
            "The general has been in power since the 2023 coup d'état.",
            "The general has been in power since the 2023 coup d’état.",
        ] {
            assert!(rules(fr, en).is_empty(), "{en}");
        }
        assert_eq!(
            rules(fr, "The general has been in power since the 2023 état."),
            vec!["untranslated.word"]
        );
    }

    #[test]
    fn names_with_french_articles_are_not_flagged() {
        assert!(rules("Le Monde l'a écrit.", "Le Monde wrote it.").is_empty());
    }

    #[test]
    fn a_french_segment_is_untranslated() {
        let fr = "Le gouvernement a annoncé des mesures pour les agriculteurs.";
        assert_eq!(rules(fr, fr), vec!["untranslated.segment"]);
        assert_eq!(
            rules(
                fr,
                "Le gouvernement a annoncé des mesures pour les paysans."
            ),
            vec!["untranslated.segment"]
        );
    }
}
