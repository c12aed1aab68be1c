//! Names of people and places: a capitalised name on one side must be on the other,
//! accent- and case-insensitively (Jézéquel = Jezequel), or as its known exonym
//! (Tombouctou = Timbuktu, Algérie = Algeria), or as a close spelling (Moscou ~ Moscow,
//! Mali ~ Malian). Words that are capitalised by convention in one language only (English
//! months and titles; French "Chambre", "Conseil" in names of bodies) need no twin.

use super::{Category, Finding, Pair, Severity, Tokens, Word};
use crate::text::token::fold;
use foldhash::{HashMap, HashSet};
use std::sync::OnceLock;

pub mod acronyms;
mod french_forms;

const EXONYMS: &str = include_str!("data/exonyms.tsv");
const FRENCH_COMMON: &str = include_str!("data/names-fr-common.tsv");
const ENGLISH_COMMON: &str = include_str!("data/names-en-common.tsv");

/// One entity with its French and English forms, folded.
#[derive(Debug)]
struct Exonym {
    french: Vec<String>,
    english: Vec<String>,
    /// The first English form as written, for suggestions.
    english_shown: String,
}

#[derive(Debug, Default)]
struct Lexicon {
    exonyms: Vec<Exonym>,
    /// Folded word → exonyms with a French form containing it.
    by_french_word: HashMap<String, Vec<usize>>,
    by_english_word: HashMap<String, Vec<usize>>,
    /// Entries below this index are places and peoples (exonyms.tsv); the glossary's
    /// bodies and groups follow.
    places: usize,
    french_common: HashSet<String>,
    english_common: HashSet<String>,
}

fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Indexes the capitalised words of every form ("Afrique du Sud" → afrique, sud), the
/// words a name token can be.
fn index_words(index: &mut HashMap<String, Vec<usize>>, forms: &str, entry: usize) {
    for word in forms.split(['|', ' ', '-', '\'']) {
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if capitalised && !matches!(word, "The" | "Le" | "La" | "Les" | "L") {
            index.entry(fold(word)).or_default().push(entry);
        }
    }
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lex = Lexicon::default();
        for line in data_lines(EXONYMS) {
            let (fr, en) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("exonyms.tsv: no tab in {line:?}"));
            let forms = |s: &str| s.split('|').map(fold).collect::<Vec<_>>();
            let entry = Exonym {
                french: forms(fr),
                english: forms(en),
                english_shown: en.split('|').next().unwrap_or(en).to_string(),
            };
            let index = lex.exonyms.len();
            index_words(&mut lex.by_french_word, fr, index);
            index_words(&mut lex.by_english_word, en, index);
            lex.exonyms.push(entry);
        }
        lex.places = lex.exonyms.len();
        // The glossary's bodies and groups are names that change too: Cedeao ~ ECOWAS.
        for concept in crate::glossary::Glossary::builtin().iter() {
            let forms = |lang| concept.accepted(lang).collect::<Vec<_>>().join("|");
            let (fr, en) = (
                forms(crate::glossary::Lang::Fr),
                forms(crate::glossary::Lang::En),
            );
            let index = lex.exonyms.len();
            index_words(&mut lex.by_french_word, &fr, index);
            index_words(&mut lex.by_english_word, &en, index);
            lex.exonyms.push(Exonym {
                french: fr.split('|').map(fold).collect(),
                english: en.split('|').map(fold).collect(),
                english_shown: en.split('|').next().unwrap_or_default().to_string(),
            });
        }
        lex.french_common = data_lines(FRENCH_COMMON).map(fold).collect();
        lex.english_common = data_lines(ENGLISH_COMMON).map(fold).collect();
        lex
    })
}

/// Whether a folded French name word and a folded English one can name the same place
/// or body: the same word; words of one entity's French and English forms (Tombouctou ~
/// Timbuktu); or, when the table does not know both, a spelling that differs slightly
/// (Ségou ~ Segou, Tillabéri ~ Tillaberi). Two names the table knows as different
/// entities (Niger, Nigeria) are never close.
pub(super) fn same_name(french: &str, english: &str) -> bool {
    let lex = lexicon();
    if french == english {
        return true;
    }
    match (
        lex.by_french_word.get(french),
        lex.by_english_word.get(english),
    ) {
        (Some(ours), Some(theirs)) => ours.iter().any(|e| theirs.contains(e)),
        _ => {
            french.chars().count() >= 5
                && french.chars().next() == english.chars().next()
                && strsim::jaro_winkler(french, english) >= 0.9
        }
    }
}

/// A name missing from one English sentence that an earlier English sentence of the
/// document gives already ("Ivory Coast's cocoa council … The world's top producer"): the
/// translator refers to it another way, which is worth a note, not a warning.
pub(super) fn soften_names_given_earlier(pairs: &[Pair], per_link: &mut [Vec<Finding>]) {
    let mut english: Vec<Option<Vec<String>>> = vec![None; pairs.len()];
    for (link, findings) in per_link.iter_mut().enumerate() {
        for finding in findings {
            if finding.rule != "name.missing" || finding.severity != Severity::Warning {
                continue;
            }
            let Some(name) = finding.source.as_ref().map(|s| fold(&s.text)) else {
                continue;
            };
            let given = (0..link).any(|earlier| {
                english[earlier]
                    .get_or_insert_with(|| {
                        super::words(pairs[earlier].target.text)
                            .iter()
                            .filter(|w| w.is_word() && w.is_capitalised())
                            .map(|w| w.folded.trim_end_matches("'s").to_string())
                            .collect()
                    })
                    .iter()
                    .any(|word| same_name(&name, word))
            });
            if given {
                finding.severity = Severity::Info;
                finding
                    .message
                    .push_str(", which an earlier English sentence names");
            }
        }
    }
}

/// A capitalised word (or hyphen part) that reads as a name.
#[derive(Debug, Clone)]
struct Name {
    start: usize,
    end: usize,
    folded: String,
    /// Inside a hyphenated name with a common word ("Sainte-Croix"), which is translated.
    titled: bool,
    /// All capitals: acronyms are expanded or changed between languages (PDG → chief
    /// executive), so one only pairs with a lost name that is no acronym.
    acronym: bool,
}

fn opens_sentence(previous: Option<&Word>) -> bool {
    match previous {
        None => true,
        Some(p) => {
            !p.is_word()
                && p.kind != crate::text::token::TokenKind::Number
                && matches!(
                    p.text,
                    "." | "!"
                        | "?"
                        | ":"
                        | "«"
                        | "\""
                        | "“"
                        | "("
                        | "—"
                        | "–"
                        | "-"
                        | "…"
                        | "'"
                        | "‘"
                        | "["
                )
        }
    }
}

/// A straight quote that sticks to the comma or word before it and not to the word after
/// it closes a quotation: "…basis," Hamadou Sanda said. The name after it does not open
/// a sentence (after `."` it does).
fn after_closing_quote(words: &[Word], k: usize) -> bool {
    let (Some(quote), Some(before)) = (
        k.checked_sub(1).map(|j| &words[j]),
        k.checked_sub(2).map(|j| &words[j]),
    ) else {
        return false;
    };
    matches!(quote.text, "\"" | "'")
        && before.end == quote.start
        && quote.end < words[k].start
        && !matches!(before.text, "." | "!" | "?")
}

/// Words that head a ministry's name, in either language.
const MINISTRY_HEADS: &[&str] = &[
    "ministre",
    "ministres",
    "ministere",
    "ministeres",
    "minister",
    "ministers",
    "ministry",
    "ministries",
    "secretary",
    "department",
];

/// « ministre du Pétrole », "Minister of Oil": the portfolio is a translated common noun,
/// whatever its capital.
fn names_a_portfolio(words: &[Word], k: usize) -> bool {
    let linking = |w: &Word| {
        matches!(
            w.folded.trim_end_matches('\''),
            "du" | "des" | "de" | "d" | "la" | "l" | "of" | "the" | "for"
        )
    };
    let before = words[..k].iter().rev().filter(|w| w.is_word());
    for w in before.take(3) {
        if MINISTRY_HEADS.contains(&w.folded.as_str()) {
            return true;
        }
        if !linking(w) {
            return false;
        }
    }
    false
}

/// The word right after a wire dateline, "(Niamey) At least…", opens the sentence.
fn after_dateline(words: &[Word], k: usize, segment_starts: &[usize]) -> bool {
    if k == 0 || words[k - 1].text != ")" {
        return false;
    }
    words[..k - 1]
        .iter()
        .rposition(|w| w.text == "(")
        .is_some_and(|open| open == 0 || segment_starts.contains(&words[open].start))
}

/// Whether a known place or body's name starts at word `k`: "Singapour", "Burkina Faso",
/// but not the "All" of "All is well" for "All Saints".
fn opens_known_name(words: &[Word], k: usize, index: &HashMap<String, Vec<usize>>) -> bool {
    let Some(entries) = index.get(words[k].folded.trim_end_matches('\'')) else {
        return false;
    };
    let runs = letter_runs(words, k);
    let exonyms = &lexicon().exonyms;
    entries.iter().any(|&e| {
        let mut forms = exonyms[e].french.iter().chain(&exonyms[e].english);
        forms.any(|form| runs.contains(&letters(form)))
    })
}

fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The letters of the words from `k` on, one more word each time: "cote", "cotedivoire",
/// with the index of the run's last word.
fn letter_runs(words: &[Word], k: usize) -> Vec<String> {
    let mut runs = Vec::new();
    let mut run = String::new();
    for w in words[k..].iter().filter(|w| w.is_word()).take(6) {
        run.push_str(&letters(&w.folded));
        runs.push(run.clone());
    }
    runs
}

/// Names in `words`: capitalised words (acronyms included) that do not open a sentence.
fn names(
    words: &[Word],
    segment_starts: &[usize],
    common: &HashSet<String>,
    lexicon_index: &HashMap<String, Vec<usize>>,
) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let previous = k.checked_sub(1).map(|p| &words[p]);
        // Only a word with a capital may hold a name ("al-Qaida" holds one).
        if !w.is_word() || !w.text.chars().any(char::is_uppercase) {
            continue;
        }
        // Known places are names even at the start of a sentence ("Singapour est…").
        let known_place = || opens_known_name(words, k, lexicon_index);
        let opener = segment_starts.contains(&w.start)
            || (opens_sentence(previous) && !after_closing_quote(words, k))
            || after_dateline(words, k, segment_starts);
        if (opener && !known_place()) || is_roman_ordinal(w.text) || w.folded.ends_with("ieme") {
            continue;
        }
        if names_a_portfolio(words, k) {
            continue;
        }
        // "Sainte-Croix": a common word in a hyphenated name makes the name titled.
        let hyphen_titled = w.text.contains('-')
            && w.folded.split('-').any(|part| common.contains(part))
            && !known_place();
        out.extend(name_parts(w, hyphen_titled));
    }
    out
}

/// Headlines in title case ("Wingsuit Jump Over Bogota") capitalise common words: no
/// capital there says "name".
fn is_title_case(words: &[Word]) -> bool {
    let long: Vec<&Word> = words
        .iter()
        .filter(|w| w.is_word() && w.text.len() >= 4)
        .collect();
    long.len() >= 3 && long.iter().filter(|w| w.is_capitalised()).count() * 10 >= long.len() * 7
}

/// "IIIe", "XXe": a Roman ordinal, which the numbers check reads.
fn is_roman_ordinal(text: &str) -> bool {
    let stem = text.trim_end_matches(char::is_lowercase);
    let suffix = &text[stem.len()..];
    !stem.is_empty()
        && matches!(suffix, "e" | "er" | "re" | "ème" | "eme" | "es")
        && stem.chars().all(|c| "IVXLCDM".contains(c))
}

/// Spelling key that irons out French and English transliterations of the same name:
/// Ioulia ~ Yulia, Anouar ~ Anwar, Abou ~ Abu, Tchétchénie ~ Chechnya.
fn transliteration_key(folded: &str) -> String {
    let mut key = folded.to_string();
    // In this order: "tch" must become "ch" before "ch" is left alone, "q" must become
    // "k" before "ck" is read. Most words hold none of these, so each step looks first.
    // A bit per ASCII letter the key may hold: the search for a spelling is skipped when
    // one of its letters is missing, which is most of the time.
    let letters = |s: &str| {
        s.bytes()
            .filter(u8::is_ascii_lowercase)
            .fold(0u32, |bits, b| bits | 1 << (b - b'a'))
    };
    let mut present = letters(&key);
    for (from, to) in [
        ("tch", "ch"),
        ("ou", "u"),
        ("sh", "ch"),
        ("dj", "j"),
        ("w", "u"),
        ("y", "i"),
        ("ph", "f"),
        ("kh", "k"),
        ("q", "k"),
        ("ck", "k"),
    ] {
        let needed = letters(from);
        if present & needed == needed && key.contains(from) {
            key = key.replace(from, to);
            present |= letters(to);
        }
    }
    key.retain(char::is_alphanumeric);
    key
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Same name in another spelling or inflection: Algérie ~ Algeria, Mali ~ Malian,
/// Moscou ~ Moscow, Anouar ~ Anwar. The transliteration keys come from the caller, which
/// computes them once per word.
fn similar_keyed(name: &str, name_key: &str, word: &str, word_key: &str) -> bool {
    if name == word {
        return true;
    }
    // Far apart in length: neither an inflection nor a variant spelling.
    let (n, w) = (name.len(), word.len());
    if n.abs_diff(w) > n.min(w).max(4) {
        return false;
    }
    if name.len() <= 5 && name.len() == word.len() && name.len() >= 2 {
        // Acronyms in the other language's word order: OTAN ~ NATO, UE ~ EU.
        let sorted = |s: &str| {
            let mut v: Vec<char> = s.chars().collect();
            v.sort_unstable();
            v
        };
        if sorted(name) == sorted(word) {
            return true;
        }
    }
    close_spelling(name, word)
        || close_spelling(name_key, word_key)
        || same_demonym_stem(name_key, word_key)
}

/// Endings of nationality words, longest first: « ghanéen » ~ "Ghanaian", « tchadien » ~
/// "Chadian", « sénégalais » ~ "Senegalese".
const DEMONYM_ENDINGS: &[&str] = &[
    "eennes", "iennes", "aians", "eenne", "ienne", "aian", "eens", "iens", "ians", "eans", "aises",
    "oises", "aines", "een", "ien", "ian", "ean", "ais", "ois", "ain", "ese", "ans", "aise",
    "oise", "aine", "an", "ish",
];

/// Both words are nationality words of one stem of at least four letters.
fn same_demonym_stem(a: &str, b: &str) -> bool {
    demonym_stems_agree(a, b, 4)
}

fn demonym_stems_agree(a: &str, b: &str, min_stem: usize) -> bool {
    let stem = |word| {
        DEMONYM_ENDINGS
            .iter()
            .find_map(|end| str::strip_suffix(word, end))
            .filter(|stem| stem.len() >= min_stem)
    };
    stem(a).is_some_and(|x| stem(b) == Some(x))
}

/// What inflection and derivation add to a whole name: Mali → Malian, Niger → Nigerien,
/// Sénégal → Senegalese, Burkina → Burkinabe, Israël → Israeli. A name that grows by other
/// letters is another name: Ngué is not Nguéma.
const NAME_EXTENSIONS: &[&str] = &[
    "s", "e", "es", "n", "an", "ans", "ian", "ians", "ien", "iens", "ienne", "iennes", "ne", "nes",
    "ese", "i", "is", "be", "ais", "aise", "ois", "oise", "ite", "ites", "ic", "ique", "ain",
    "aine", "en", "enne", "er", "ers", "ist", "ists", "iste", "istes", "ism", "isme",
];

/// Letters after the shared beginning that the longer of two spellings of one name may
/// have: Mohamed ~ Mohammed keeps three.
const MAX_VARIANT_ENDING: usize = 3;

fn close_spelling(name: &str, word: &str) -> bool {
    let (n, w) = (name.chars().count(), word.chars().count());
    let prefix = common_prefix(name, word);
    let extension = |short: &str, long: &str| {
        long.get(short.len()..)
            .is_some_and(|rest| NAME_EXTENSIONS.contains(&rest))
    };
    let extended = match (prefix == n, prefix == w) {
        (true, false) => extension(name, word),
        (false, true) => extension(word, name),
        _ => true,
    };
    // Inflections and variants differ in their last letters only (Algérie ~ Algeria,
    // Moscou ~ Moscow); a longer different ending makes another name (Margot, Margaret).
    let one_extends_other = prefix == n.min(w);
    let endings_short =
        prefix + 2 >= n.min(w) && (one_extends_other || prefix + MAX_VARIANT_ENDING >= n.max(w));
    if name == word || (prefix >= 4 && endings_short && extended) {
        return true;
    }
    // Variant spellings keep their first letter (Moskva ~ Moscou); comparing only those
    // keeps the edit distance off the hot path.
    if prefix == 0 {
        return false;
    }
    let similarity = strsim::normalized_levenshtein(name, word);
    // Long cognates in names of bodies drift more: Volontaires ~ Volunteers.
    (n >= 5 && w >= 5 && similarity >= 0.7)
        || (n >= 8 && w >= 8 && prefix >= 3 && similarity >= 0.6)
}

/// Folded words of a side, hyphen parts included, without trailing apostrophes, each
/// with its transliteration key.
fn vocabulary<'a>(words: &'a [Word]) -> Vec<(&'a str, String)> {
    let mut out = Vec::new();
    let mut seen = HashSet::default();
    let mut push = |word: &'a str| {
        if seen.insert(word) {
            out.push((word, transliteration_key(word)));
        }
    };
    for w in words.iter().filter(|w| w.is_word()) {
        let whole = w.folded.trim_end_matches('\'');
        push(whole);
        if whole.contains('-') {
            whole.split('-').for_each(&mut push);
        }
    }
    out
}

/// One word on one side, two on the other: « Centrafricains » ~ "Central Africans",
/// « Sud-Soudanais » ~ "South Sudanese".
fn spelt_in_two_words(name: &str, words: &[Word]) -> bool {
    let words: Vec<&Word> = words.iter().filter(|w| w.is_word()).collect();
    let name: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
    words.windows(2).any(|pair| {
        let named = |w: &Word| w.is_capitalised() && w.folded.chars().count() >= 3;
        let length = pair[0].folded.len() + pair[1].folded.len();
        let close_length = length.abs_diff(name.len()) <= 3;
        if !(close_length && named(pair[0]) && named(pair[1])) {
            return false;
        }
        let joined = format!("{}{}", pair[0].folded, pair[1].folded);
        same_compound(&name, &joined)
    })
}

/// Least similarity of a word and two words run together to be one name: tighter than for
/// single words, since two words can always be made to look like a longer one.
const MIN_COMPOUND_SIMILARITY: f64 = 0.8;

fn same_compound(word: &str, compound: &str) -> bool {
    let word: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
    let compound: String = compound.chars().filter(|c| c.is_alphanumeric()).collect();
    word.chars().next() == compound.chars().next()
        && strsim::normalized_levenshtein(&word, &compound) >= MIN_COMPOUND_SIMILARITY
}

/// The name and a capitalised neighbour spell one word of the other side: "Central" and
/// "Africans" are each half of « Centrafricains ».
fn half_of_a_compound(name: &Name, own: &View, other: &[(&str, String)]) -> bool {
    let words: Vec<&Word> = own.words.iter().filter(|w| w.is_word()).collect();
    let Some(at) = words.iter().position(|w| w.start == name.start) else {
        return false;
    };
    let named = |w: &Word| w.is_capitalised() && w.folded.chars().count() >= 3;
    let joined = [at.checked_sub(1).map(|k| (k, at)), Some((at, at + 1))]
        .into_iter()
        .flatten()
        .filter(|&(a, b)| b < words.len() && named(words[a]) && named(words[b]))
        .filter(|&(a, b)| {
            let length = words[a].folded.len() + words[b].folded.len();
            other.iter().any(|(w, _)| length.abs_diff(w.len()) <= 3)
        })
        .map(|(a, b)| format!("{}{}", words[a].folded, words[b].folded));
    joined
        .into_iter()
        .any(|compound| other.iter().any(|(w, _)| same_compound(w, &compound)))
}

/// True when `phrase` occurs in `haystack` (both folded) on word boundaries.
fn contains_phrase(haystack: &str, phrase: &str) -> bool {
    haystack.match_indices(phrase).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let rest = &haystack[i + phrase.len()..];
        // English plurals and possessives: "Caribbeans", "Algeria's".
        let rest = rest
            .strip_prefix("'s")
            .or_else(|| rest.strip_prefix('s'))
            .unwrap_or(rest);
        let after = rest.chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// One side as the name check sees it; the costly parts are computed on first use, since
/// most names are found as they are.
struct View<'a> {
    words: &'a [Word<'a>],
    text: &'a str,
    vocabulary: std::cell::OnceCell<Vec<(&'a str, String)>>,
    folded_text: std::cell::OnceCell<String>,
    common: &'a HashSet<String>,
    index: &'a HashMap<String, Vec<usize>>,
}

/// True when the name on one side is accounted for on the `other` side.
/// A word of the common list, or its plural (« Premiers ministres »).
fn is_common(common: &HashSet<String>, folded: &str) -> bool {
    common.contains(folded)
        || folded
            .strip_suffix(['s', 'x'])
            .is_some_and(|singular| common.contains(singular))
}

fn explained(name: &Name, own: &View, other: &View, own_is_french: bool) -> bool {
    if is_common(own.common, &name.folded) {
        return true;
    }
    let plain = |w: &Word| w.is_word() && w.folded.trim_end_matches('\'') == name.folded;
    if other.words.iter().any(plain) {
        return true;
    }
    let key = transliteration_key(&name.folded);
    let vocabulary = other.vocabulary.get_or_init(|| vocabulary(other.words));
    if vocabulary
        .iter()
        .any(|(w, w_key)| similar_keyed(&name.folded, &key, w, w_key))
    {
        return true;
    }
    let lex = lexicon();
    let exonym = own.index.get(&name.folded).is_some_and(|entries| {
        entries.iter().any(|&e| {
            let entry = &lex.exonyms[e];
            let (mine, theirs) = if own_is_french {
                (&entry.french, &entry.english)
            } else {
                (&entry.english, &entry.french)
            };
            let own_text = own.folded_text.get_or_init(|| fold(own.text));
            let other_text = other.folded_text.get_or_init(|| fold(other.text));
            mine.iter().any(|f| contains_phrase(own_text, f))
                && theirs.iter().any(|f| contains_phrase(other_text, f))
        })
    });
    exonym
        || spelt_in_two_words(&name.folded, other.words)
        || half_of_a_compound(name, own, vocabulary)
}

fn segment_starts(side: &super::Side) -> Vec<usize> {
    side.segments
        .iter()
        .map(|s| s.norm_start.saturating_sub(side.offset))
        .collect()
}

/// The name with every run of one letter cut to one letter: Diarra → Diara.
fn undoubled(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Shortest name whose one changed letter is taken for a slip: short names have genuine
/// variants (Ali, Ahmed ~ Ahmad).
const MIN_SLIP_CHARS: usize = 6;

/// Whether two spellings differ in one letter inside the word, a vowel for a vowel or a
/// consonant for a consonant (Assimi → Assami, Mbarga → Mbanga). The first and last
/// letters are left out: exonyms change the final vowel (Floride ~ Florida, Caroline ~
/// Carolina). Transliteration variants (ou ~ u, y ~ i) are compared on their keys first.
fn one_letter_apart(a: &str, b: &str) -> bool {
    let is_vowel = |c: char| "aeiouy".contains(c);
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len()
        || a.len() < MIN_SLIP_CHARS
        || a.last() != b.last()
        || a.first() != b.first()
    {
        return false;
    }
    let mut differences = a.iter().zip(&b).filter(|(x, y)| x != y);
    let first = differences.next();
    first.is_some_and(|(&x, &y)| is_vowel(x) == is_vowel(y)) && differences.next().is_none()
}

/// Whether one spelling is the other with a final a, o or u added (Ibrahim → Ibrahima):
/// another name, not a transliteration. A final e is left alone, as French writes a mute
/// one that English may drop, and so is an i, the English demonym ending (Israel → Israeli).
fn final_vowel_added(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    long.len() == short.len() + 1
        && short.chars().count() >= MIN_SLIP_CHARS
        && long.starts_with(short)
        && long.ends_with(['a', 'o', 'u'])
        && !short.ends_with(['a', 'e', 'i', 'o', 'u', 'y'])
}

/// Whether two spellings of one length differ only by two neighbouring letters swapped
/// inside the word (Garnier → Granier): a typing slip no transliteration makes.
fn letters_swapped(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() || a.len() < MIN_SLIP_CHARS {
        return false;
    }
    let differences: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    let inside = |i: usize, j: usize| i > 0 && j + 1 < a.len();
    matches!(differences.as_slice(), &[i, j] if j == i + 1 && inside(i, j) && a[i] == b[j] && a[j] == b[i])
}

/// Whether the English spelling of a French name is a slip rather than a variant: a
/// letter doubled or undoubled (Diarra → Diara, Kidal → Kiddal; no transliteration
/// doubles letters), two letters swapped, or one letter changed where the
/// transliteration keys differ too.
fn slipped(french: &Spellings, english: &Spellings) -> bool {
    // « océan Indien » ~ "Indian Ocean": a regular ending, no slip.
    let demonym = demonym_stems_agree(&french.key, &english.key, 3);
    // French doubles an s between vowels to keep it unvoiced: Massalit ~ Masalit,
    // Moussa ~ Musa, Hassan ~ Hasan.
    let unvoiced_s = french.key.contains("ss") && french.key.replace("ss", "s") == english.key;
    (french.undoubled == english.undoubled && !unvoiced_s)
        || (french.key != english.key
            && !demonym
            && (one_letter_apart(&french.key, &english.key)
                || letters_swapped(&french.key, &english.key)
                || final_vowel_added(&french.key, &english.key)))
}

/// The forms of a name `slipped` compares, computed once per name.
struct Spellings {
    undoubled: String,
    key: String,
}

impl Spellings {
    fn of(folded: &str) -> Spellings {
        Spellings {
            undoubled: undoubled(folded),
            key: transliteration_key(folded),
        }
    }
}

/// French names found in English only misspelt (see `slipped`).
fn respelled(
    pair: &Pair,
    source_names: &[Name],
    target_names: &[Name],
    source: &View,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Only computed for a name the English lacks as is, which most pairs have none of.
    let english = std::cell::OnceCell::new();
    for s in source_names.iter().filter(|n| !n.titled && !n.acronym) {
        let exact = |t: &&Name| t.folded == s.folded;
        // Places have exonyms that double letters legitimately: Grèce → Greece.
        // An exonym that spells this word otherwise (Grèce → Greece); a glossary name
        // kept as is in English (Assimi Goïta → Assimi Goita) is no excuse.
        let changes_name = |&e: &usize| {
            let english = &lexicon().exonyms[e].english;
            !english
                .iter()
                .any(|f| f.split([' ', '-']).any(|w| w == s.folded))
        };
        let known = is_common(source.common, &s.folded)
            || source
                .index
                .get(&s.folded)
                .is_some_and(|entries| entries.iter().any(changes_name));
        if known || target_names.iter().any(|t| exact(&t)) {
            continue;
        }
        let french = Spellings::of(&s.folded);
        let english: &Vec<(&Name, Spellings)> = english.get_or_init(|| {
            target_names
                .iter()
                .map(|t| (t, Spellings::of(&t.folded)))
                .collect()
        });
        let Some((t, _)) = english
            .iter()
            .find(|(t, spellings)| !t.acronym && slipped(&french, spellings))
        else {
            continue;
        };
        let (french, english) = (
            &pair.source.text[s.start..s.end],
            &pair.target.text[t.start..t.end],
        );
        findings.push(
            Finding::new(
                "name.spelling",
                Category::Name,
                Severity::Warning,
                Some(pair.source.span(s.start, s.end)),
                Some(pair.target.span(t.start, t.end)),
                format!("the French spells the name « {french} », the English « {english} »"),
            )
            .suggest(french),
        );
    }
    findings
}

/// Runs of names written as one (“Jean-Hervé Jezequel”): joined by a space or a hyphen.
fn full_names<'n>(names: &'n [Name], text: &str) -> Vec<&'n [Name]> {
    let mut runs = Vec::new();
    let mut first = 0;
    for k in 1..=names.len() {
        let joined = k < names.len()
            && matches!(text.get(names[k - 1].end..names[k].start), Some(" " | "-"));
        if !joined {
            runs.push(&names[first..k]);
            first = k;
        }
    }
    runs
}

/// Every capitalised word part, sentence openers included: for the spelling of a name
/// that is known to be one, where it stands does not matter.
fn capitalised_parts(words: &[Word]) -> Vec<Name> {
    words
        .iter()
        .filter(|w| w.is_word())
        .flat_map(|w| name_parts(w, false))
        .collect()
}

/// The capitalised parts of a word, split at hyphens (Jean-Hervé → Jean, Hervé), each
/// of two letters or more, apostrophes cut off (N'Djamena's → N'Djamena).
fn name_parts(word: &Word, titled: bool) -> Vec<Name> {
    let mut parts = Vec::new();
    let mut offset = word.start;
    for part in word.text.split('-') {
        let start = offset;
        offset += part.len() + 1;
        let part = part.trim_end_matches(crate::text::token::is_apostrophe);
        // English pluralises acronyms: "NGOs" is the acronym NGO.
        let part = part
            .strip_suffix('s')
            .filter(|stem| stem.chars().count() >= 2 && stem.chars().all(char::is_uppercase))
            .unwrap_or(part);
        let capitalised = part.chars().next().is_some_and(char::is_uppercase);
        if capitalised && part.chars().count() > 1 && part.chars().all(char::is_alphabetic) {
            parts.push(Name {
                start,
                end: start + part.len(),
                folded: fold(part),
                titled,
                acronym: part.chars().all(char::is_uppercase),
            });
        }
    }
    parts
}

fn has_diacritics(word: &str) -> bool {
    !word.is_ascii()
}

/// A full name that keeps the French accents on one part and drops them from another
/// (Jean-Hervé Jézéquel → Jean-Hervé Jezequel): English copy either keeps a name's
/// accents or, in an all-ASCII house style, drops them all; half of each is a slip.
fn accents_half_dropped(pair: &Pair, tokens: &Tokens) -> Vec<Finding> {
    // A name that keeps its accents in English needs a letter outside ASCII.
    if pair.target.text.is_ascii() {
        return Vec::new();
    }
    let source_names = capitalised_parts(&tokens.source);
    let target_names = capitalised_parts(&tokens.target);
    let french_spelling = |t: &Name| {
        source_names
            .iter()
            .map(|s| &pair.source.text[s.start..s.end])
            .find(|french| fold(french) == t.folded)
    };
    let mut findings = Vec::new();
    for run in full_names(&target_names, pair.target.text) {
        let english = |t: &Name| &pair.target.text[t.start..t.end];
        if run.len() < 2 {
            continue;
        }
        let kept = run
            .iter()
            .any(|t| has_diacritics(english(t)) && french_spelling(t) == Some(english(t)));
        if !kept {
            continue;
        }
        for t in run.iter().filter(|t| !has_diacritics(english(t))) {
            let Some(french) = french_spelling(t).filter(|f| has_diacritics(f)) else {
                continue;
            };
            let Some(s) = source_names
                .iter()
                .find(|s| &pair.source.text[s.start..s.end] == french)
            else {
                continue;
            };
            findings.push(
                Finding::new(
                    "name.accents",
                    Category::Name,
                    Severity::Warning,
                    Some(pair.source.span(s.start, s.end)),
                    Some(pair.target.span(t.start, t.end)),
                    format!(
                        "« {} » drops the accents of « {french} » while the rest of the name keeps its own",
                        english(t)
                    ),
                )
                .suggest(french),
            );
        }
    }
    findings
}

/// Name findings of one pair.
pub fn check(pair: &Pair, tokens: &Tokens) -> Vec<Finding> {
    let lex = lexicon();
    let source = View {
        words: &tokens.source,
        text: pair.source.text,
        vocabulary: std::cell::OnceCell::new(),
        folded_text: std::cell::OnceCell::new(),
        common: &lex.french_common,
        index: &lex.by_french_word,
    };
    let target = View {
        words: &tokens.target,
        text: pair.target.text,
        vocabulary: std::cell::OnceCell::new(),
        folded_text: std::cell::OnceCell::new(),
        common: &lex.english_common,
        index: &lex.by_english_word,
    };
    let names_of = |words: &[Word], side: &super::Side, common, index| {
        if is_title_case(words) {
            Vec::new()
        } else {
            names(words, &segment_starts(side), common, index)
        }
    };
    let source_names = names_of(
        &tokens.source,
        &pair.source,
        &lex.french_common,
        &lex.by_french_word,
    );
    let target_names = names_of(
        &tokens.target,
        &pair.target,
        &lex.english_common,
        &lex.by_english_word,
    );
    let unexplained: Vec<bool> = source_names
        .iter()
        .map(|n| !n.titled && !explained(n, &source, &target, true))
        .collect();
    // English copy drops first names once the surname is there: "Larry Ellison" → "Ellison".
    let first_name_of_found = |k: usize| {
        let (name, next) = (&source_names[k], source_names.get(k + 1));
        next.is_some_and(|n| {
            let between = pair.source.text[name.end..n.start].trim();
            let particle = matches!(
                between,
                "" | "de" | "du" | "d'" | "d’" | "von" | "van" | "da" | "di"
            );
            particle && !unexplained[k + 1]
        })
    };
    let lost: Vec<&Name> = source_names
        .iter()
        .enumerate()
        .filter(|&(k, _)| unexplained[k] && !first_name_of_found(k))
        .map(|(_, n)| n)
        .collect();
    let extra: Vec<&Name> = target_names
        .iter()
        .filter(|n| !explained(n, &target, &source, false))
        .collect();
    let mut findings = Vec::new();
    let mut seen = HashSet::default();
    for (k, s) in lost.iter().enumerate() {
        if !seen.insert(&s.folded) {
            continue;
        }
        let french = &pair.source.text[s.start..s.end];
        // An acronym may be expanded in English (PDG → chief executive); only a name that
        // is no acronym in its place says it was replaced.
        let counterpart = if s.acronym {
            extra.iter().find(|t| !t.acronym)
        } else {
            extra.get(k).or(extra.first())
        };
        let finding = match counterpart {
            Some(t) => Finding::new(
                "name.mismatch",
                Category::Name,
                if s.acronym {
                    Severity::Info
                } else {
                    Severity::Error
                },
                Some(pair.source.span(s.start, s.end)),
                Some(pair.target.span(t.start, t.end)),
                format!(
                    "the French names « {french} », the English has « {} » instead",
                    &pair.target.text[t.start..t.end]
                ),
            ),
            None => Finding::new(
                "name.missing",
                Category::Name,
                if s.acronym {
                    Severity::Info
                } else {
                    Severity::Warning
                },
                Some(pair.source.span(s.start, s.end)),
                pair.target_if_single_sentence(),
                format!("the name « {french} » is missing from the English"),
            ),
        };
        findings.push(finding.suggest(french));
    }
    findings.extend(respelled(pair, &source_names, &target_names, &source));
    findings.extend(accents_half_dropped(pair, tokens));
    findings.extend(french_forms::kept(pair, tokens));
    if lost.is_empty() {
        for t in extra {
            if !seen.insert(&t.folded) {
                continue;
            }
            findings.push(Finding::new(
                "name.added",
                Category::Name,
                Severity::Info,
                None,
                Some(pair.target.span(t.start, t.end)),
                format!(
                    "the name « {} » is not in the French",
                    &pair.target.text[t.start..t.end]
                ),
            ));
        }
    }
    findings
}

#[cfg(test)]
mod tests {

    fn rules(fr: &str, en: &str) -> Vec<String> {
        crate::check::family_rules_on("name.", fr, en)
    }

    #[test]
    fn the_seals_of_the_justice_minister_are_no_name() {
        assert!(rules(
            "La garde des Sceaux, Aïssatou Ndiaye, a pris la parole.",
            "The justice minister, Aïssatou Ndiaye, spoke."
        )
        .is_empty());
    }

    #[test]
    fn ministry_portfolios_are_translated_not_names() {
        assert!(rules(
            "Le ministre des Affaires étrangères, Olivia Rouamba, a reçu l'ambassadeur.",
            "Foreign Minister Olivia Rouamba met the ambassador."
        )
        .iter()
        .all(|r| r != "name.missing"));
        assert!(rules(
            "Le ministre de l'Action humanitaire et de la Gestion des catastrophes, Issa Maman, est arrivé.",
            "The minister for humanitarian action and disaster management, Issa Maman, arrived."
        )
        .is_empty());
        let dropped = rules(
            "Le ministre de l'Action humanitaire et de la Gestion des catastrophes, Issa Maman, est arrivé.",
            "The minister for humanitarian action and disaster management arrived.",
        );
        assert!(!dropped.is_empty() && dropped.iter().all(|r| r == "name.missing"));
    }

    #[test]
    fn a_body_named_by_a_common_word_is_translated() {
        // At most a note on "Inspectorate"; no name replaced.
        assert!(rules(
            "L'Inspection générale d'État a transmis le dossier au parquet lundi.",
            "The State Inspectorate General sent the case to prosecutors on Monday."
        )
        .iter()
        .all(|r| r == "name.added"));
    }

    #[test]
    fn a_misspelt_name_is_paired_with_its_misspelling_not_the_portfolio() {
        let fr = "« Tout va bien », a déclaré le ministre de la Santé, M. Abakar Saleh.";
        let en = "\"All is well,\" said Health Minister Abakar Sali.";
        let mismatches: Vec<_> =
            crate::check::check_texts(fr, en, &crate::check::Checker::builtin())
                .into_iter()
                .filter(|f| f.rule == "name.mismatch")
                .filter_map(|f| f.target.map(|t| t.text))
                .collect();
        assert_eq!(mismatches, ["Sali"]);
    }

    #[test]
    fn a_name_grown_by_letters_other_than_an_inflection_is_another_name() {
        assert_eq!(
            rules(
                "Le délégué, M. Jean-Baptiste Ngué, a refusé.",
                "The delegate, Jean-Baptiste Nguéma, refused."
            ),
            ["name.mismatch"]
        );
        for (fr, en) in [
            (
                "Le Mali et le Niger ont signé l'accord.",
                "Malian and Nigerien officials signed the agreement.",
            ),
            (
                "Le Sénégal a voté pour.",
                "The Senegalese government voted in favour.",
            ),
        ] {
            assert!(rules(fr, en).is_empty(), "{en}");
        }
    }

    #[test]
    fn a_portfolio_after_minister_is_no_name() {
        let fr = "Le ministre du Pétrole, Sahabi Oumarou, a annoncé la suspension.";
        assert!(rules(
            fr,
            "The Minister of Oil, Sahabi Oumarou, announced the suspension."
        )
        .is_empty());
        assert_eq!(
            rules(
                fr,
                "The Minister of Oil, Sahabi Issoufou, announced the suspension."
            ),
            ["name.mismatch"]
        );
    }

    #[test]
    fn the_word_after_a_dateline_opens_the_sentence() {
        assert!(rules(
            "(Niamey) Au moins douze soldats ont été tués mardi.",
            "(Niamey) At least twelve soldiers were killed on Tuesday."
        )
        .is_empty());
    }

    #[test]
    fn accents_dropped_from_one_part_of_a_name_only_are_a_slip() {
        let fr = "Selon Marie-Hélène Lévêque, la situation est grave.";
        assert_eq!(
            rules(
                fr,
                "According to Marie-Hélène Leveque, the situation is serious."
            ),
            ["name.accents"]
        );
        // Every accent kept, or every accent dropped (an ASCII house style): consistent.
        for en in [
            "According to Marie-Hélène Lévêque, the situation is serious.",
            "According to Marie-Helene Leveque, the situation is serious.",
        ] {
            assert!(rules(fr, en).is_empty(), "{en}");
        }
    }

    #[test]
    fn exonym_lines_do_not_repeat_a_french_form() {
        let mut seen = std::collections::HashSet::new();
        for line in super::EXONYMS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let french = line.split('\t').next().unwrap_or_default();
            let forms: std::collections::HashSet<String> =
                french.split('|').map(crate::text::token::fold).collect();
            for form in forms {
                assert!(seen.insert(form.clone()), "{form} on two lines");
            }
        }
    }

    #[test]
    fn a_first_name_with_another_ending_is_another_name() {
        let rules = |fr: &str, en: &str| {
            crate::check::check_texts(fr, en, &crate::check::Checker::builtin())
                .into_iter()
                .filter(|f| f.rule.starts_with("name."))
                .map(|f| f.rule)
                .collect::<Vec<_>>()
        };
        assert!(!rules(
            "La directrice du PAM, Margot van der Velden, est arrivée à Niamey.",
            "WFP director Margaret van der Velden arrived in Niamey."
        )
        .is_empty());
        for (fr, en) in [
            (
                "La directrice du PAM, Margot van der Velden, est arrivée à Niamey.",
                "WFP director Margot van der Velden arrived in Niamey.",
            ),
            (
                "Mohamed Bazoum est détenu depuis 2023.",
                "Mohammed Bazoum has been held since 2023.",
            ),
            (
                "Les autorités tchadiennes ont démenti.",
                "The Chadian authorities denied it.",
            ),
            (
                "Des Centrafricains ont fui vers le Tchad.",
                "Central Africans have fled to Chad.",
            ),
            (
                "Les deux otages, un Autrichien, Karl Hofbauer, ont été libérés.",
                "The two hostages, Austrian Karl Hofbauer, have been freed.",
            ),
            (
                "La mesure devrait rapporter 20 milliards au Trésor public.",
                "The measure is expected to bring 20 billion into the public treasury.",
            ),
        ] {
            assert!(rules(fr, en).is_empty(), "{en}");
        }
    }

    #[test]
    fn a_letter_doubled_or_undoubled_is_a_misspelling() {
        assert_eq!(
            rules(
                "« Nous sommes inquiets », a déclaré Moussa Diarra.",
                "“We are worried,” said Moussa Diara."
            ),
            ["name.spelling"]
        );
        assert!(rules(
            "Il est allé en Grèce avec Moussa Diarra.",
            "He went to Greece with Moussa Diarra."
        )
        .is_empty());
    }

    #[test]
    fn a_nationality_adjective_is_its_country_s_demonym() {
        assert!(super::same_demonym_stem("ghaneens", "ghanaian"));
        assert!(super::same_demonym_stem("senegalais", "senegalese"));
        assert!(!super::same_demonym_stem("ghaneens", "guinean"));
        assert!(rules(
            "L'archipel se trouve dans l'océan Indien, au large du Mozambique.",
            "The archipelago lies in the Indian Ocean, off Mozambique."
        )
        .is_empty());
        assert!(rules(
            "Les planteurs ghanéens vendent leur cacao plus cher.",
            "Ghanaian farmers sell their cocoa at a higher price."
        )
        .is_empty());
        assert!(rules(
            "Les emplois qualifiés ne sont jamais proposés aux Guinéens, selon le syndicat.",
            "Skilled jobs are never offered to Guineans, according to the union."
        )
        .is_empty());
        assert!(super::same_demonym_stem("europeens", "europeans"));
    }

    #[test]
    fn a_plural_acronym_and_an_event_name_are_no_other_names() {
        assert!(rules(
            "ONG et opposants dénoncent une régression dans le berceau du Printemps arabe.",
            "NGOs and opponents decry a rollback in the cradle of the Arab Spring."
        )
        .is_empty());
    }

    #[test]
    fn two_letters_swapped_inside_a_long_name_are_a_misspelling() {
        assert_eq!(
            rules(
                "La représentante du HCR, Mme Hélène Garnier-Mbaye, a lancé un appel.",
                "UNHCR representative Hélène Granier-Mbaye launched an appeal."
            ),
            ["name.spelling"]
        );
        assert!(super::letters_swapped("garnier", "granier"));
        assert!(
            !super::letters_swapped("garnier", "garnire"),
            "the last letter"
        );
        assert!(
            !super::letters_swapped("garnier", "gernier"),
            "a changed letter"
        );
    }

    #[test]
    fn a_final_vowel_added_makes_another_name() {
        assert_eq!(
            rules(
                "Le général Ibrahim Koné a démissionné mardi après l'attaque du camp.",
                "General Ibrahima Kone resigned on Tuesday after the attack on the camp."
            ),
            ["name.spelling"]
        );
        assert!(super::final_vowel_added("ibrahim", "ibrahima"));
        assert!(!super::final_vowel_added("israel", "israeli"), "a demonym");
        assert!(!super::final_vowel_added("ousmane", "ousman"), "a mute e");
    }

    #[test]
    fn one_letter_changed_inside_a_long_name_is_a_misspelling() {
        assert_eq!(
            rules(
                "Le journaliste Serge Ndzana Mbarga a été arrêté à son domicile par des hommes armés.",
                "The journalist Serge Ndzana Mbanga was arrested at his home by armed men in plain clothes."
            ),
            ["name.spelling"]
        );
        assert_eq!(
            rules(
                "Le colonel Assimi Goïta a prêté serment mardi devant la Cour suprême.",
                "Colonel Assami Goita was sworn in on Tuesday before the supreme court."
            ),
            ["name.spelling"]
        );
        // After a straight closing quote a name does not open a sentence.
        assert_eq!(
            rules(
                "« Nous sommes inquiets pour la suite », a déclaré mardi Hamidou Sanda.",
                "\"We are worried about what comes next,\" Hamadou Sanda said on Tuesday."
            ),
            ["name.spelling"]
        );
        // Transliteration variants, short names and exonyms ending in another vowel are
        // not slips.
        for (fr, en) in [
            (
                "Le cyclone a frappé la Floride et la Caroline du Nord lundi.",
                "The cyclone hit Florida and North Carolina on Monday.",
            ),
            (
                "Le ministre Abdoulaye Diop est arrivé lundi à Dakar pour une visite.",
                "Minister Abdulaye Diop arrived in Dakar on Monday for a visit.",
            ),
            (
                "Le chef rebelle Ahmed Ould Ali est arrivé lundi à Kidal.",
                "The rebel chief Ahmad Ould Ali arrived in Kidal on Monday.",
            ),
            (
                "Des milliers de Massalit ont fui El-Geneina vers le Tchad.",
                "Thousands of Masalit have fled El Geneina for Chad.",
            ),
        ] {
            assert!(
                !rules(fr, en).contains(&"name.spelling".to_string()),
                "{en}"
            );
        }
    }

    #[test]
    fn accents_and_exonyms_are_the_same_name() {
        assert!(rules(
            "Le père Jézéquel est arrivé à Tombouctou.",
            "Father Jezequel arrived in Timbuktu."
        )
        .is_empty());
        assert!(rules(
            "Il vit en Algérie depuis 2010.",
            "He has lived in Algeria since 2010."
        )
        .is_empty());
        assert!(rules(
            "Le président du Mali a parlé.",
            "The Malian president spoke."
        )
        .is_empty());
    }

    #[test]
    fn places_after_a_preposition_are_names() {
        assert_eq!(
            rules(
                "Mon premier emploi était à Londres, pour rien.",
                "My first job was in sales, for nothing."
            ),
            vec!["name.missing"]
        );
    }

    #[test]
    fn replaced_and_dropped_names_are_flagged() {
        let replaced = rules(
            "Selon Rick Perry, le plan échoue.",
            "According to John Haider, the plan fails.",
        );
        assert!(!replaced.is_empty() && replaced.iter().all(|r| r == "name.mismatch"));
        assert_eq!(
            rules(
                "Après sa défaite, Bush a annoncé un plan.",
                "After his defeat, he announced a plan."
            ),
            vec!["name.missing"]
        );
    }
}
