//! Negation: a French clause in the negative (ne … pas/jamais/plus/rien/personne/aucun/ni,
//! sans, non) must stay negative in English (not, n't, no, never, nothing, nobody, none,
//! neither, without), and the English must not deny what the French affirms.
//!
//! French "ne … que" is a restriction ("only"), "ne" alone is expletive ("avant qu'il ne
//! parte"), and "non seulement"/"not only" is emphasis: none of them count. Words that
//! deny by their meaning (sans, impossible; unable, without, -less) excuse a negation on
//! the other side but raise nothing themselves.

use super::{Category, Finding, Pair, Severity, Tokens, Word};
use std::sync::OnceLock;

pub mod only;
pub mod reversed;

const NEGATED_ANTONYMS: &str = include_str!("data/negated-antonyms.tsv");

/// A French verb whose negation English renders with one of `english` (stems end in `*`).
struct NegatedAntonym {
    french: Vec<&'static str>,
    english: Vec<&'static str>,
}

fn negated_antonyms() -> &'static [NegatedAntonym] {
    static LIST: OnceLock<Vec<NegatedAntonym>> = OnceLock::new();
    LIST.get_or_init(|| {
        NEGATED_ANTONYMS
            .lines()
            .skip_while(|l| l.starts_with('#'))
            .skip(1)
            .filter_map(|line| line.split_once('\t'))
            .map(|(french, english)| NegatedAntonym {
                french: french.split('|').collect(),
                english: english.split('|').collect(),
            })
            .collect()
    })
}

/// `word` is `pattern`, or starts with it when the pattern ends in `*`.
fn matches_stem(word: &str, pattern: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => word == pattern,
    }
}

/// The verb negated by the French cue is one English renders with an antonym, and the
/// English has that antonym: « n'a pas survécu » → "succumbed".
fn rendered_by_antonym(tokens: &Tokens, cue: &Negation) -> bool {
    let french = words_only(&tokens.source);
    let Some(at) = french.iter().position(|w| w.start == cue.start) else {
        return false;
    };
    // The verb stands between "ne" and its negator, or just after it (« n'a pas survécu »).
    let clause = &french[at + 1..(at + 3 + NEGATOR_WINDOW).min(french.len())];
    let english_text = std::cell::OnceCell::new();
    let english_has = |p: &str| {
        if p.contains(' ') {
            let text = english_text.get_or_init(|| {
                let folded: Vec<&str> = tokens.target.iter().map(|w| w.folded.as_str()).collect();
                folded.join(" ")
            });
            text.contains(p)
        } else {
            tokens.target.iter().any(|w| matches_stem(&w.folded, p))
        }
    };
    negated_antonyms().iter().any(|pair| {
        let negated = clause
            .iter()
            .any(|w| pair.french.iter().any(|p| matches_stem(&w.folded, p)));
        negated && pair.english.iter().any(|p| english_has(p))
    })
}

/// Words that complete French "ne" into a negation.
const FRENCH_NEGATORS: &[&str] = &[
    "pas",
    "plus",
    "jamais",
    "rien",
    "personne",
    "aucun",
    "aucune",
    "nul",
    "nulle",
    "ni",
    "guere",
    "nullement",
    "point",
];

/// Negators that may stand before "ne": "Aucun soldat n'a…", "Personne ne sait".
const FRENCH_LEADING_NEGATORS: &[&str] = &[
    "aucun", "aucune", "personne", "rien", "nul", "nulle", "jamais", "ni",
];

/// How far after "ne" its negator may come: "ne l'a jamais vraiment pas…".
const NEGATOR_WINDOW: usize = 6;

/// Literary French negates with "ne" alone after these verbs: "il ne peut", "elle n'ose".
const FRENCH_BARE_NE_VERBS: &[&str] = &[
    "peut",
    "peux",
    "peuvent",
    "pouvait",
    "pouvaient",
    "pourrait",
    "pourraient",
    "sait",
    "sais",
    "savent",
    "savait",
    "saurait",
    "ose",
    "osent",
    "osait",
    "cesse",
    "cessent",
    "cessait",
];

/// « n'ont pu », « n'a su », « n'avait osé »: the bare « ne » of a literary negation in a
/// compound tense.
fn bare_ne_compound(words: &[&Word], i: usize) -> bool {
    let auxiliary = words.get(i + 1).is_some_and(|w| {
        matches!(
            w.folded.as_str(),
            "a" | "ont" | "avait" | "avaient" | "aurait" | "auraient" | "aura" | "auront"
        )
    });
    auxiliary
        && words
            .get(i + 2)
            .is_some_and(|w| matches!(w.folded.as_str(), "pu" | "su" | "ose" | "cesse"))
}

/// French words (folded) that deny without a "ne": enough to excuse an English negation.
const FRENCH_IMPLICIT: &[&str] = &[
    "sans",
    "non",
    "impossible",
    "impossibles",
    "incapable",
    "incapables",
    "refus",
    "refuse",
    "refusent",
    "refuse",
    "manque",
    "absence",
    "faute",
    "aucunement",
    "interdit",
    "interdite",
    "empecher",
    "empeche",
    "ni",
    "loin",
    "hors",
    "defaut",
    "ignorer",
    "ignore",
    "ignorait",
    "ignorent",
    "priver",
    "seulement",
];

/// English words that deny without "not": enough to render a French negation.
const ENGLISH_IMPLICIT: &[&str] = &[
    "without",
    "unable",
    "impossible",
    "fail",
    "fails",
    "failed",
    "failing",
    "failure",
    "refuse",
    "refuses",
    "refused",
    "lack",
    "lacks",
    "lacked",
    "lacking",
    "hardly",
    "barely",
    "scarcely",
    "seldom",
    "rarely",
    "rather",
    "instead",
    "absence",
    "absent",
    "nor",
    "free",
    "neither",
    "except",
    "only",
    "ceased",
    "stopped",
    "stop",
    "denied",
    "deny",
    "avoid",
    "avoided",
    "prevent",
    "prevented",
    "ban",
    "banned",
    "forbidden",
    "little",
    "few",
    "far",
    "hard",
    "difficult",
    "beyond",
];

/// Words that start with "un" without being negative.
const NOT_UN_PREFIXED: &[&str] = &[
    "unit",
    "units",
    "united",
    "union",
    "unions",
    "unique",
    "universe",
    "universal",
    "university",
    "universities",
    "under",
    "until",
    "unto",
    "uniform",
    "unanimous",
    "unanimously",
    "unemployment",
    "unemployed",
    "unrest",
    "uncle",
    "uncles",
    "understand",
    "understands",
    "understood",
    "understanding",
    "undertake",
    "undertaken",
    "undertook",
    "unveil",
    "unveiled",
    "unveils",
    "unleash",
    "unleashed",
    "unfold",
    "unfolded",
    "unfolding",
    "unload",
    "unloaded",
];

/// A negation cue: local byte span; `strong` when it is a grammatical negation (ne … pas,
/// not, never), as opposed to a word that denies by its meaning (sans, unable).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Negation {
    pub start: usize,
    pub end: usize,
    pub strong: bool,
    /// French "ne … plus que", "ne … jamais que": a restriction ("now only"), not a
    /// negation.
    pub restriction: bool,
}

fn cue(w: &Word, strong: bool) -> Negation {
    Negation {
        start: w.start,
        end: w.end,
        strong,
        restriction: false,
    }
}

fn restriction(w: &Word) -> Negation {
    Negation {
        restriction: true,
        ..cue(w, false)
    }
}

fn words_only<'a>(words: &'a [Word<'a>]) -> Vec<&'a Word<'a>> {
    words
        .iter()
        .filter(|w| w.kind != crate::text::token::TokenKind::Punct)
        .collect()
}

const DETERMINERS_AND_PREPOSITIONS: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "a", "mes", "tes",
    "ses", "nos", "vos", "leurs", "leur", "son", "sa", "mon", "ma", "ton", "ta", "ces", "ce",
    "premiers", "premier", "dans", "sur", "en", "grands", "petits", "deux", "trois", "quelques",
    "faux", "memes",
];

/// What follows the "que" of a restriction: "ne … plus que par hélicoptère", "ne … plus
/// que des femmes", "ne … jamais que deux" (or any number). A pronoun or article there
/// opens a clause instead ("il ne pense plus que la guerre…" is "no longer thinks that").
const RESTRICTED_OBJECT_OPENERS: &[&str] = &[
    "par", "pour", "de", "des", "du", "d'", "a", "au", "aux", "en", "sur", "dans", "avec",
    "quelques", "environ", "pres", "quelque", "moins", "peu",
];

/// "ne … plus que", "ne … jamais que" with its negator at `j`: a restriction ("now only",
/// "only ever"), not a negation. "ne … pas que" is a negated "that" clause.
fn restricts(words: &[&Word], j: usize) -> bool {
    if !matches!(words[j].folded.as_str(), "plus" | "jamais") {
        return false;
    }
    let clause = &words[j + 1..(j + 8).min(words.len())];
    clause.iter().enumerate().any(|(k, w)| {
        matches!(w.folded.as_str(), "que" | "qu'")
            && clause.get(k + 1).is_some_and(|n| {
                RESTRICTED_OBJECT_OPENERS.contains(&n.folded.as_str())
                    || n.kind == crate::text::token::TokenKind::Number
                    || super::numbers::is_number_word("fr", &n.folded)
            })
    })
}

/// « n'a besoin de la tutelle de personne », « ne doit rien à personne »: a negative
/// pronoun as the object of a preposition may stand further from its « ne » than the
/// window allows, but then only right after « de » or « à ».
fn distant_pronoun_negator(words: &[&Word], from: usize) -> Option<usize> {
    (from..(from + NEGATOR_WINDOW).min(words.len())).find(|&j| {
        matches!(words[j].folded.as_str(), "personne" | "rien")
            && matches!(words[j - 1].folded.as_str(), "de" | "a")
    })
}

/// Negations of a French text.
pub fn french(words: &[Word]) -> Vec<Negation> {
    let words = words_only(words);
    let mut found = Vec::new();
    let mut attached = vec![false; words.len()];
    for (i, w) in words.iter().enumerate() {
        if !matches!(w.folded.as_str(), "ne" | "n'") {
            continue;
        }
        // "n'importe" is "any"; N'Djamena, N'Guigmi, N'Zérékoré are names.
        if words.get(i + 1).is_some_and(|n| {
            n.folded == "importe"
                || (w.text.starts_with('N') && n.text.starts_with(char::is_uppercase))
        }) {
            continue;
        }
        let window = i + 1..(i + 1 + NEGATOR_WINDOW).min(words.len());
        let after = window
            .clone()
            .find(|&j| FRENCH_NEGATORS.contains(&words[j].folded.as_str()))
            .or_else(|| distant_pronoun_negator(&words, window.end));
        let before = (i.saturating_sub(4)..i)
            .rev()
            .find(|&j| FRENCH_LEADING_NEGATORS.contains(&words[j].folded.as_str()));
        let restricted = after.is_some_and(|j| restricts(&words, j));
        // "n'est pas impossible", "ne manque pas de": a double negation (litotes) that
        // English may render affirmatively.
        let litotes = after.is_some_and(|j| {
            words
                .get(j + 1)
                .is_some_and(|n| FRENCH_IMPLICIT.contains(&n.folded.as_str()))
        });
        // « sans qu'aucun incident ne soit signalé »: the « sans que » carries the
        // negation ("without any incident"), and is a cue of its own.
        if let Some(j) = before.filter(|&j| opens_sans_que(&words, j)) {
            attached[j] = true;
            continue;
        }
        if let Some(j) = after.or(before) {
            attached[j] = true;
            found.push(if restricted {
                restriction(w)
            } else {
                cue(w, !litotes)
            });
        } else if (words
            .get(i + 1)
            .is_some_and(|n| FRENCH_BARE_NE_VERBS.contains(&n.folded.as_str()))
            || bare_ne_compound(&words, i))
            // « n'a pu assurer qu'un service minimum »: a restriction, "could only".
            && !window
                .clone()
                .any(|j| matches!(words[j].folded.as_str(), "que" | "qu'" | "qu’"))
        {
            found.push(cue(w, true));
        } else if window
            .clone()
            .any(|j| matches!(words[j].folded.as_str(), "que" | "qu'"))
        {
            // "ne … que" is "only"; it excuses "not … until", "no more than". The "que"
            // may also open a clause, so only "ne … plus que" counts as a restriction.
            found.push(cue(w, false));
        }
    }
    for (i, w) in words.iter().enumerate() {
        if attached[i] {
            continue;
        }
        let next = words.get(i + 1).map(|n| n.folded.as_str());
        let previous = i.checked_sub(1).map(|p| words[p].folded.as_str());
        let strong = match w.folded.as_str() {
            // "Rien d'étonnant", "aucune date n'a été fixée", "jamais vu".
            // "Rien qu'en 2011" is "in 2011 alone".
            "rien" => previous != Some("sans") && !matches!(next, Some("que" | "qu'")),
            "aucun" | "aucune" => previous != Some("sans"),
            "jamais" => {
                !matches!(previous, Some("que" | "qu'" | "si" | "a"))
                    && !after_superlative(&words, i)
            }
            // « sans donner de bilan »: "without giving", as negative as « ne pas »; but
            // « sans attendre », « sans tarder » are "at once".
            "sans" => {
                before_infinitive(&words, i + 1) && !at_once(&words, i)
                    || matches!(next, Some("que" | "qu'" | "qu’"))
            }
            // « préoccupante mais pas hors de contrôle »: "but not".
            "pas" => {
                matches!(previous, Some("mais" | "et"))
                    && !matches!(next, Some("seulement" | "uniquement" | "que" | "qu'"))
            }
            _ => false,
        };
        let weak = match w.folded.as_str() {
            "non" => next != Some("seulement"),
            // Elliptic "pas": "pas de victimes", "peut-être pas", "mais pas écouté"; not
            // the noun ("leurs pas", "à deux pas"). Headlines drop it freely in English.
            "pas" => {
                !previous.is_some_and(|p| DETERMINERS_AND_PREPOSITIONS.contains(&p))
                    && !matches!(next, Some("moins" | "mal"))
            }
            other => FRENCH_IMPLICIT.contains(&other),
        };
        if strong || weak {
            found.push(cue(w, strong));
        }
    }
    found.sort_by_key(|n| n.start);
    found
}

/// Words that make a bare « jamais » mean "ever": « la plus large jamais prise », « le
/// pire bilan jamais enregistré », « la première fois ».
const SUPERLATIVES: &[&str] = &[
    "plus",
    "moins",
    "meilleur",
    "meilleure",
    "meilleurs",
    "meilleures",
    "pire",
    "pires",
    "premier",
    "premiere",
    "premiers",
    "premieres",
    "seul",
    "seule",
    "seuls",
    "seules",
];

/// Whether a superlative stands in the four words before `i`.
fn after_superlative(words: &[&Word], i: usize) -> bool {
    words[i.saturating_sub(4)..i]
        .iter()
        .any(|w| SUPERLATIVES.contains(&w.folded.as_str()))
}

/// Whether the word at `k` (« aucun », « rien ») opens the clause of a « sans que ».
fn opens_sans_que(words: &[&Word], k: usize) -> bool {
    k >= 2
        && matches!(words[k - 1].folded.as_str(), "que" | "qu'" | "qu’")
        && words[k - 2].folded == "sans"
}

/// « sans attendre », « sans tarder » with no object: "at once", not "without waiting".
fn at_once(words: &[&Word], sans: usize) -> bool {
    let verb = words.get(sans + 1).map(|w| w.folded.as_str());
    let object = words.get(sans + 2).map(|w| w.folded.as_str());
    matches!(verb, Some("attendre" | "tarder"))
        && !object.is_some_and(|o| DETERMINERS_AND_PREPOSITIONS.contains(&o) || o == "que")
}

/// Object pronouns that may stand between « sans » and its verb (« sans en donner »).
const FRENCH_CLITICS: &[&str] = &[
    "le", "la", "l'", "les", "en", "y", "se", "s'", "lui", "leur", "me", "m'", "te", "nous", "vous",
];

/// Infinitives in « -re » (most in « -er », « -ir », « -oir » are recognised by ending).
const FRENCH_RE_INFINITIVES: &[&str] = &[
    "faire",
    "dire",
    "prendre",
    "etre",
    "mettre",
    "attendre",
    "rendre",
    "reconnaitre",
    "connaitre",
    "suivre",
    "vivre",
    "ecrire",
    "lire",
    "croire",
    "repondre",
    "perdre",
    "permettre",
    "comprendre",
    "apprendre",
    "interrompre",
    "entendre",
    "descendre",
];

/// Endings of verbs in « -re » that no frequent noun shares (exclure, réduire, craindre,
/// répondre, permettre, reconnaître, décrire, rompre, combattre, résoudre, convaincre).
const RE_INFINITIVE_ENDINGS: &[&str] = &[
    "clure", "uire", "aindre", "eindre", "oindre", "endre", "ondre", "andre", "mettre", "aitre",
    "crire", "ompre", "attre", "oudre", "aincre", "suivre", "vivre", "dire", "faire",
];

/// Whether an infinitive starts at `k`, past object pronouns.
fn before_infinitive(words: &[&Word], mut k: usize) -> bool {
    while words
        .get(k)
        .is_some_and(|w| FRENCH_CLITICS.contains(&w.folded.as_str()))
    {
        k += 1;
    }
    words.get(k).is_some_and(|w| {
        let v = w.folded.as_str();
        v.chars().count() >= 5 && (v.ends_with("er") || v.ends_with("ir") || v.ends_with("oir"))
            || FRENCH_RE_INFINITIVES.contains(&v)
            || (v.chars().count() >= 6 && RE_INFINITIVE_ENDINGS.iter().any(|e| v.ends_with(e)))
    })
}

/// "(not) to be named / identified / quoted": how English asks for anonymity.
fn anonymity_formula(after_not: &[&Word]) -> bool {
    let folded: Vec<&str> = after_not
        .iter()
        .take(3)
        .map(|w| w.folded.as_str())
        .collect();
    matches!(
        folded.as_slice(),
        ["to", "be", "named" | "identified" | "quoted" | "cited"]
    )
}

/// Negations of an English text.
pub fn english(words: &[Word]) -> Vec<Negation> {
    let words = words_only(words);
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).map(|n| n.folded.as_str());
        let text = w.folded.as_str();
        let ahead = |wanted: &[&str]| {
            words[i + 1..(i + 6).min(words.len())]
                .iter()
                .any(|n| wanted.contains(&n.folded.as_str()))
        };
        let strong = match text {
            // "not only" is emphasis; "not until" and "not more than" restrict (ne … que).
            // "asked not to be named" renders « a requis l'anonymat », no negation.
            "not" => {
                next != Some("only")
                    && !ahead(&["until", "till"])
                    && !anonymity_formula(&words[i + 1..])
            }
            "never" | "none" | "nothing" | "nobody" | "no-one" | "cannot" | "nowhere" => true,
            // "No 10", "No. 1" are numbers.
            "no" => next.is_some_and(|n| !n.starts_with(|c: char| c.is_ascii_digit())),
            // "don't", "isn't", "can't" are one token.
            other => other.ends_with("n't"),
        };
        let weak = ENGLISH_IMPLICIT.contains(&text)
            || text.ends_with("less") && text.len() >= 7
            || (text.starts_with("un") && text.len() >= 6 && !NOT_UN_PREFIXED.contains(&text))
            || text == "not";
        if strong || weak {
            found.push(cue(w, strong));
        }
    }
    found
}

/// Negation findings of one pair: one side grammatically negative and the other with no
/// negation at all, not even a word that denies by its meaning.
/// The cues left once each French « sans » is paired with an English "without": « une
/// enquête sans complaisance et n'a pas exclu » → "without complacency and ruled out" has
/// a "without", but it renders the « sans », and « ne … pas » is left unrendered.
fn unpaired_cues(
    pair: &Pair,
    tokens: &Tokens,
    source: &[Negation],
    target: &[Negation],
) -> (Vec<Negation>, Vec<Negation>) {
    let (french, english) = (pair.source.text, pair.target.text);
    let sans = tokens.source.iter().filter(|w| w.folded == "sans").count();
    let without = target
        .iter()
        .filter(|n| is_cue(english, n, "without"))
        .count();
    let paired = sans.min(without);
    let target: Vec<Negation> = without_first(target, english, "without", paired)
        .into_iter()
        .filter(|n| n.strong || !renders_a_french_word(&english[n.start..n.end], tokens))
        .collect();
    (without_first(source, french, "sans", paired), target)
}

/// English words that deny by their meaning, and the French words they translate (`*`
/// ends a stem): "stop" in "threaten to stop work" renders « cesser », not a « ne … pas »
/// elsewhere in the sentence.
const IMPLICIT_COUNTERPARTS: &[(&[&str], &[&str])] = &[
    (
        &["stop", "stopped", "ceased"],
        &["cess*", "arret*", "stopp*", "suspend*"],
    ),
    (&["refuse", "refuses", "refused"], &["refus*"]),
    (
        &["deny", "denied"],
        &["nier", "nie", "nient", "niait", "demen*"],
    ),
    (&["avoid", "avoided"], &["evit*"]),
    (&["prevent", "prevented"], &["empech*"]),
    (&["ban", "banned", "forbidden"], &["interdi*"]),
    (
        &["fail", "fails", "failed", "failing", "failure"],
        &["echou*", "echec*"],
    ),
    (&["lack", "lacks", "lacked", "lacking"], &["manqu*"]),
    (
        &["hard", "difficult"],
        &["difficile*", "dur", "dure", "durs", "dures"],
    ),
    (&["little", "few"], &["peu"]),
];

/// Whether the English weak cue `cue` translates a French word of the pair that is no
/// negation (« cesser le travail » → "stop work").
fn renders_a_french_word(cue: &str, tokens: &Tokens) -> bool {
    let cue = cue.to_ascii_lowercase();
    IMPLICIT_COUNTERPARTS
        .iter()
        .find(|(english, _)| english.contains(&cue.as_str()))
        .is_some_and(|(_, stems)| {
            tokens
                .source
                .iter()
                .any(|w| stems.iter().any(|s| matches_stem(&w.folded, s)))
        })
}

/// Whether cue `n` of `text` is `word`.
fn is_cue(text: &str, n: &Negation, word: &str) -> bool {
    text[n.start..n.end].eq_ignore_ascii_case(word)
}

/// `cues` without the first `count` of them that are `word`.
fn without_first(cues: &[Negation], text: &str, word: &str, count: usize) -> Vec<Negation> {
    let mut dropped = 0;
    cues.iter()
        .filter(|n| {
            let drop = dropped < count && is_cue(text, n, word);
            dropped += usize::from(drop);
            !drop
        })
        .copied()
        .collect()
}

pub fn check(pair: &Pair, tokens: &Tokens) -> Vec<Finding> {
    let source = french(&tokens.source);
    let target = english(&tokens.target);
    let strong = |cues: &[Negation]| cues.iter().find(|n| n.strong).copied();
    let (unpaired_source, unpaired_target) = unpaired_cues(pair, tokens, &source, &target);
    // A negation English renders with an antonym ("did not survive" → "succumbed") is there.
    // Only asked when the English has no negation at all, the one case it decides.
    let unrendered = if unpaired_target.is_empty() {
        unpaired_source
            .iter()
            .find(|n| n.strong && !rendered_by_antonym(tokens, n))
            .copied()
    } else {
        None
    };
    match (
        unrendered,
        unpaired_target.is_empty(),
        strong(&target),
        source.is_empty(),
    ) {
        (Some(s), true, _, _) => vec![Finding::new(
            "negation.missing",
            Category::Negation,
            Severity::Error,
            Some(pair.source.span(s.start, s.end)),
            pair.target_if_single_sentence(),
            format!(
                "the French is negative (« {} ») but the English has no negation",
                &pair.source.text[s.start..s.end]
            ),
        )
        .suggest("render the negation (not, no, never, without)")],
        (_, _, Some(t), true) => vec![Finding::new(
            "negation.added",
            Category::Negation,
            Severity::Error,
            None,
            Some(pair.target.span(t.start, t.end)),
            format!(
                "the English says « {} » but the French is affirmative",
                &pair.target.text[t.start..t.end]
            ),
        )
        .suggest("remove the negation")],
        _ => restriction_negated(pair, tokens, &source, &target)
            .or_else(|| one_of_two_lost(pair, tokens, &unpaired_source, &unpaired_target))
            .into_iter()
            .collect(),
    }
}

/// How much farther from the English negation than the other French negation, as a
/// share of the sentence, the one taken as lost must stand.
const MIN_NEGATION_GAP: f64 = 0.1;

/// Place of byte `at` in `text`, as a share of its length.
fn place(at: usize, text: &str) -> f64 {
    at as f64 / text.len().max(1) as f64
}

/// Two French negations in two clauses (« n'a jamais été soumis … et il ne le sera
/// pas »), one English negation that renders the first: the second was lost ("and it
/// will be"). The English negation must stand by one French negation and far from the
/// other, and must not cover both ("neither … nor", "not … or").
fn one_of_two_lost(
    pair: &Pair,
    tokens: &Tokens,
    source: &[Negation],
    target: &[Negation],
) -> Option<Finding> {
    // « sans jamais » is one negation with « sans », which "without" renders.
    let words: Vec<&Word> = tokens.source.iter().filter(|w| w.is_word()).collect();
    let after_sans = |n: &Negation| {
        words
            .iter()
            .position(|w| w.start == n.start)
            .and_then(|k| k.checked_sub(1))
            .is_some_and(|p| words[p].folded == "sans")
    };
    let french: Vec<&Negation> = source
        .iter()
        .filter(|n| n.strong && !after_sans(n))
        .collect();
    let [english] = target else {
        return None;
    };
    let [first, second] = french.as_slice() else {
        return None;
    };
    let coordinated = tokens
        .target
        .iter()
        .any(|w| w.start > english.start && matches!(w.folded.as_str(), "or" | "nor" | "neither"));
    let ni = tokens.source.iter().any(|w| w.folded == "ni");
    // "has scarcely been seen … has still not said": a scarce adverb renders the other.
    let implicit = tokens.target.iter().any(|w| {
        matches!(
            w.folded.as_str(),
            "hardly" | "barely" | "scarcely" | "seldom" | "rarely"
        )
    });
    if !english.strong || coordinated || ni || implicit {
        return None;
    }
    let q = place(english.start, pair.target.text);
    let apart = |n: &Negation| (place(n.start, pair.source.text) - q).abs();
    let (kept, lost) = if apart(first) <= apart(second) {
        (first, second)
    } else {
        (second, first)
    };
    let between = &pair.source.text[first.end..second.start];
    let two_clauses =
        between.contains([',', ';']) || between.contains(" et ") || between.contains(" mais ");
    if apart(kept) > MAX_NEGATION_DRIFT
        || apart(lost) < apart(kept) + MIN_NEGATION_GAP
        || !two_clauses
    {
        return None;
    }
    Some(
        Finding::new(
            "negation.missing",
            Category::Negation,
            Severity::Warning,
            Some(pair.source.span(lost.start, lost.end)),
            pair.target_if_single_sentence(),
            format!(
                "the French negates twice (« {} » … « {} »), the English once: « {} » is not rendered",
                &pair.source.text[first.start..first.end],
                &pair.source.text[second.start..second.end],
                &pair.source.text[lost.start..lost.end]
            ),
        )
        .suggest("render the negation (not, no, never)"),
    )
}

/// English words that render a French restriction: "ne … plus que" is "now only", "ne
/// … que" is "only", "not until", "nothing but", "no more than".
pub(crate) const RESTRICTIVE: &[&str] = &[
    "only",
    "just",
    "solely",
    "merely",
    "exclusively",
    "alone",
    "until",
    "till",
    "except",
    "but",
    "than",
];

/// Whether English words render a restriction. "than" and "but" only count after what
/// makes them restrict ("no more than", "other than", "nothing but"): "more than two
/// years" and a "but" between clauses restrict nothing.
fn renders_restriction(english: &[Word]) -> bool {
    let words: Vec<&str> = english
        .iter()
        .filter(|w| w.is_word())
        .map(|w| w.folded.as_str())
        .collect();
    words.iter().enumerate().any(|(k, &word)| {
        let before = &words[k.saturating_sub(2)..k];
        match word {
            "than" => before
                .iter()
                .any(|b| matches!(*b, "no" | "not" | "nothing" | "none" | "other")),
            "but" => before
                .last()
                .is_some_and(|b| matches!(*b, "nothing" | "anything" | "all" | "none" | "one")),
            _ => RESTRICTIVE.contains(&word),
        }
    })
}

/// How far apart, as a share of each sentence's length, a French negation (or a plain
/// « ne … que ») and the English negation taken to render it may stand.
const MAX_NEGATION_DRIFT: f64 = 0.2;

/// A French restriction with no negation of its own ("ne peut plus que livrer": can now
/// only deliver) that the English turned into a negation ("can no longer deliver").
fn restriction_negated(
    pair: &Pair,
    tokens: &Tokens,
    source: &[Negation],
    target: &[Negation],
) -> Option<Finding> {
    let english = target.iter().find(|n| n.strong)?;
    let restricted_in_english = renders_restriction(&tokens.target);
    // A French negation elsewhere (« sans fixer de calendrier ») may account for one
    // English negation, not for more.
    let (french_strong, english_strong) = (
        source.iter().filter(|n| n.strong).count(),
        target.iter().filter(|n| n.strong).count(),
    );
    if french_strong >= english_strong || restricted_in_english {
        return None;
    }
    let (french, suggestion) = match source.iter().find(|n| n.restriction) {
        Some(n) => (
            (n.start, n.end),
            "render the restriction with “only” (ne … plus que: “now only”)",
        ),
        // « n'avait visé que des positions militaires »: "had only targeted". The English
        // negation must stand about where the restriction does: "Let's not forget" opening
        // a sentence renders « Pour rappel », not the « ne … que » further on.
        None => {
            let span = only::plain_restriction(&tokens.source)?;
            let apart =
                (place(span.0, pair.source.text) - place(english.start, pair.target.text)).abs();
            if apart > MAX_NEGATION_DRIFT {
                return None;
            }
            (
                span,
                "render the restriction with “only”, “not until” or “no more than”",
            )
        }
    };
    Some(
        Finding::new(
            "negation.restriction",
            Category::Negation,
            Severity::Error,
            Some(pair.source.span(french.0, french.1)),
            Some(pair.target.span(english.start, english.end)),
            format!(
                "« {} » restricts (only) but the English negates with « {} »",
                &pair.source.text[french.0..french.1],
                &pair.target.text[english.start..english.end]
            ),
        )
        .suggest(suggestion),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::words;

    fn fr(text: &str) -> usize {
        french(&words(text)).iter().filter(|n| n.strong).count()
    }

    fn en(text: &str) -> usize {
        english(&words(text)).iter().filter(|n| n.strong).count()
    }

    fn rules(fr: &str, en: &str) -> Vec<String> {
        crate::check::family_rules_on("negation.", fr, en)
    }

    #[test]
    fn a_negative_pronoun_after_a_preposition_may_stand_far_from_its_ne() {
        assert_eq!(fr("Le Tchad n'a besoin de la tutelle de personne."), 1);
        assert!(rules(
            "« Le Tchad n'a besoin de la tutelle de personne », a-t-il dit.",
            "\"Chad does not need anyone's tutelage,\" he said."
        )
        .is_empty());
        // Only right after « de » or « à »: « la personne » is someone.
        assert_eq!(
            fr("Elle est partie avant qu'il ne revienne chercher ses deux enfants au marché chez la personne."),
            0
        );
    }

    #[test]
    fn a_denying_word_that_renders_a_french_verb_renders_no_negation() {
        let fr =
            "Ils menacent de cesser le travail si le gouvernement ne fait pas machine arrière.";
        assert_eq!(
            rules(
                fr,
                "They threaten to stop work if the government backs down."
            ),
            ["negation.missing"]
        );
        assert!(rules(
            fr,
            "They threaten to stop work if the government does not back down."
        )
        .is_empty());
        // Without a French counterpart, "stop" may render the negation.
        assert!(rules(
            "Il ne travaille plus depuis mars.",
            "He stopped working in March."
        )
        .is_empty());
    }

    #[test]
    fn sans_que_carries_the_negation_of_its_clause() {
        let fr = "Des partisans se sont rassemblés, sans qu'aucun incident ne soit signalé.";
        for en in [
            "Supporters gathered, without any incident being reported.",
            "Supporters gathered, with no incidents reported.",
        ] {
            assert!(rules(fr, en).is_empty(), "{en}");
        }
        assert_eq!(
            rules(fr, "Supporters gathered, and incidents were reported."),
            ["negation.missing"]
        );
    }

    #[test]
    fn sans_before_a_verb_needs_a_negation_and_without_is_one() {
        let fr = "L'armée a fait état de pertes sans donner de bilan précis.";
        assert_eq!(
            rules(fr, "The army reported losses, giving a precise toll."),
            ["negation.missing"]
        );
        assert!(rules(
            fr,
            "The army reported losses without giving a precise toll."
        )
        .is_empty());
        // The "without" renders the « sans »; « n'a pas exclu » is left unrendered.
        let fr = "Il a promis une enquête sans complaisance et n'a pas exclu des complicités.";
        assert_eq!(
            rules(
                fr,
                "He promised an inquiry without complacency and ruled out complicity."
            ),
            ["negation.missing"]
        );
        assert!(rules(
            fr,
            "He promised a rigorous inquiry and did not rule out complicity."
        )
        .is_empty());
    }

    #[test]
    fn a_negated_verb_rendered_by_its_antonym_needs_no_not() {
        let cases = [
            (
                "Le chauffeur n'a pas survécu à ses blessures.",
                "The driver succumbed to his injuries.",
                "The driver survived his injuries.",
            ),
            (
                "Les rebelles n'ont pas respecté le cessez-le-feu.",
                "The rebels violated the ceasefire.",
                "The rebels respected the ceasefire.",
            ),
            (
                "L'armée n'a pas tardé à réagir.",
                "The army was quick to react.",
                "The army was late to react.",
            ),
            (
                "Les départs ne cessent d'augmenter depuis mars.",
                "Departures have been rising steadily since March.",
                "Departures have been rising since March.",
            ),
        ];
        for (fr, antonym, affirmed) in cases {
            assert!(rules(fr, antonym).is_empty(), "{antonym}");
            assert_eq!(rules(fr, affirmed), ["negation.missing"], "{affirmed}");
        }
    }

    #[test]
    fn a_restriction_rendered_as_a_negation_is_flagged() {
        assert_eq!(
            rules(
                "Le PAM ne peut plus livrer de vivres que par hélicoptère.",
                "The WFP can no longer deliver food by helicopter."
            ),
            ["negation.restriction"]
        );
        assert!(rules(
            "Le PAM ne peut plus livrer de vivres que par hélicoptère.",
            "The WFP can now only deliver food by helicopter."
        )
        .is_empty());
        assert_eq!(
            rules(
                "Il ne reste plus que trois soldats dans le camp.",
                "There are no longer soldiers in the camp."
            ),
            ["negation.restriction"]
        );
        // « n'a pu … que » restricts; another French negation accounts for one English
        // negation only.
        assert_eq!(
            rules(
                "La société n'a pu assurer qu'un service minimum.",
                "The company has not been able to provide a minimum service."
            ),
            ["negation.restriction"]
        );
        assert_eq!(
            rules(
                "Il ne prévoit d'élection qu'une fois la sécurité rétablie, sans fixer de calendrier.",
                "It does not provide for an election once security is restored, and sets no timetable."
            ),
            ["negation.restriction"]
        );
        assert!(rules(
            "Il ne prévoit d'élection qu'une fois la sécurité rétablie, sans fixer de calendrier.",
            "It provides for an election only once security is restored, and sets no timetable."
        )
        .is_empty());
        // The « que » after an object: « n'a confirmé l'enlèvement que dimanche ».
        let late = "Le régime n'a confirmé l'enlèvement que dimanche.";
        assert_eq!(
            rules(late, "The regime did not confirm the kidnapping on Sunday."),
            ["negation.restriction"]
        );
        assert!(rules(
            late,
            "The regime did not confirm the kidnapping until Sunday."
        )
        .is_empty());
        let clause = "L'armée affirme que les frappes n'ont visé que des positions rebelles.";
        assert_eq!(
            rules(
                clause,
                "The army says the strikes did not target rebel positions."
            ),
            ["negation.restriction"]
        );
        let plain = "Les frappes n'ont visé que des positions rebelles, selon l'armée.";
        assert_eq!(
            rules(
                plain,
                "The strikes did not target rebel positions, according to the army."
            ),
            ["negation.restriction"]
        );
        for good in [
            "The strikes targeted only rebel positions, according to the army.",
            "The strikes targeted nothing but rebel positions, according to the army.",
        ] {
            assert!(rules(plain, good).is_empty(), "{good}");
        }
        assert!(rules(
            "« Pour rappel, la députée n'a été élue qu'avec 2 000 voix ! », a-t-il conclu.",
            "\"Let's not forget, the MP was elected with 2,000 votes!\" he concluded."
        )
        .iter()
        .all(|r| r != "negation.restriction"));
        assert!(rules(
            "Il ne rentrera que lundi.",
            "He will not return until Monday."
        )
        .is_empty());
        assert_eq!(
            rules(
                "La ville est sous blocus depuis plus de deux ans et n'est plus ravitaillée que par convois.",
                "The town has been under blockade for more than two years and is no longer supplied by convoy."
            ),
            ["negation.restriction"]
        );
        let approximate = "La région ne pèse plus qu'environ 5 % des exportations.";
        assert_eq!(
            rules(
                approximate,
                "The region no longer accounts for about 5 percent of exports."
            ),
            ["negation.restriction"]
        );
        assert!(rules(
            approximate,
            "The region now accounts for only about 5 percent of exports."
        )
        .is_empty());
        assert!(rules(
            "Il ne pense plus que la guerre est perdue.",
            "He no longer thinks the war is lost."
        )
        .is_empty());
    }

    #[test]
    fn one_of_two_negations_lost_is_flagged() {
        let fr = "« Ce texte n'a jamais été soumis au peuple et il ne le sera pas », a dit l'opposant, lors d'un meeting à Lomé.";
        assert_eq!(
            rules(
                fr,
                "\"This text has never been put to the people and it will be,\" the opponent said at a rally in Lome."
            ),
            ["negation.missing"]
        );
        assert!(rules(
            fr,
            "\"This text has never been put to the people and it will not be,\" the opponent said at a rally in Lome."
        )
        .is_empty());
        // One English negation may cover both: "not … or".
        assert!(rules(
            "Il ne mange pas depuis deux jours, et il ne boit plus.",
            "He has not eaten for two days or drunk anything."
        )
        .is_empty());
        // A word that denies by its meaning is no second negation: "avoid".
        assert_eq!(
            rules(
                "« Si rien n'est fait d'ici la fin de l'année, nous ne pourrons guère éviter une catastrophe », a prévenu Mme Nicolet.",
                "\"If nothing is done by the end of the year, we will be able to avoid a catastrophe,\" Nicolet warned."
            ),
            ["negation.missing"]
        );
        // "scarcely" renders « ne … guère ».
        assert!(rules(
            "Le chef de l'État, qui ne s'est guère montré en public, n'a toujours pas dit s'il serait candidat.",
            "The head of state, who has scarcely been seen in public, has still not said whether he will run."
        )
        .is_empty());
    }

    #[test]
    fn failing_to_act_renders_a_negated_act() {
        let fr = "Le gouvernement reproche à la société de ne pas avoir payé ses impôts.";
        assert!(rules(
            fr,
            "The government accuses the company of failing to pay its taxes."
        )
        .is_empty());
        assert_eq!(
            rules(
                fr,
                "The government accuses the company of paying its taxes."
            ),
            ["negation.missing"]
        );
    }

    #[test]
    fn a_bare_ne_in_a_compound_tense_negates() {
        let fr = "Ces chiffres n'ont pu être vérifiés de source indépendante.";
        assert!(rules(fr, "These figures could not be independently verified.").is_empty());
        assert_eq!(
            rules(fr, "These figures could be independently verified."),
            ["negation.missing"]
        );
    }

    #[test]
    fn an_unchanged_holder_renders_a_negated_change() {
        let fr = "Les ministères de la Défense et de l'Intérieur ne changent pas de titulaire.";
        assert!(rules(
            fr,
            "The defence and interior ministries keep their holders."
        )
        .is_empty());
        assert_eq!(
            rules(
                fr,
                "The defence and interior ministries change their holders."
            ),
            ["negation.missing"]
        );
    }

    #[test]
    fn french_negations() {
        assert_eq!(fr("Il ne viendra pas."), 1);
        assert_eq!(fr("Il n'a jamais menti."), 1);
        assert_eq!(
            fr("Ils sont arrivés à N'Djamena, plus de cent au total."),
            0
        );
        assert_eq!(fr("Aucun soldat n'a été tué."), 1);
        assert_eq!(fr("Il est parti sans rien dire."), 0);
        assert_eq!(fr("L'armée a parlé sans donner de bilan."), 1);
        assert_eq!(fr("Il est parti sans en informer ses proches."), 1);
        assert_eq!(fr("C'est sans doute la fin."), 0);
        assert_eq!(fr("Une crise sans précédent."), 0);
        // After a superlative « jamais » is "ever"; « sans attendre » is "at once".
        assert_eq!(fr("C'est la sanction la plus lourde jamais prononcée."), 0);
        assert_eq!(fr("Un niveau jamais observé."), 1);
        assert_eq!(fr("Les habitants doivent évacuer sans attendre."), 0);
        assert_eq!(fr("Il est parti sans attendre les secours."), 1);
        assert_eq!(
            fr("Le gouvernement maintient la hausse, sans exclure un réexamen."),
            1
        );
        assert_eq!(fr("Il a signé sans reconnaître les faits."), 1);
        assert_eq!(
            fr("Ils sont partis sans qu'aucun incident ne soit signalé."),
            1
        );
        assert_eq!(fr("Il n'est pas impossible qu'il vienne."), 0);
        assert_eq!(fr("Il ne croit pas que l'Ontario suivra."), 1);
        assert!(french(&words("Il ne reste que deux jours."))
            .iter()
            .all(|n| !n.strong));
        assert_eq!(fr("Avant qu'il ne parte, il a parlé."), 0);
        assert_eq!(fr("Non seulement il est venu, mais il a parlé."), 0);
        assert_eq!(fr("Pas moins de 20 % de l'eau."), 0);
        assert_eq!(fr("Il viendra n'importe quand."), 0);
        assert_eq!(fr("On ne peut plus y aller qu'en hélicoptère."), 0);
    }

    #[test]
    fn english_negations() {
        assert_eq!(en("He will not come."), 1);
        assert_eq!(en("He didn't come."), 1);
        assert_eq!(en("He never lied."), 1);
        assert_eq!(en("No soldier was killed."), 1);
        assert_eq!(en("Not only did he come, he spoke."), 0);
        assert_eq!(en("He lives at No 10 Downing Street."), 0);
        assert_eq!(en("An official, who asked not to be named, spoke."), 0);
        assert_eq!(en("He asked them not to be late."), 1);
    }
}
