//! Publications: "le quotidien Nouvel Horizon", "la radio privée Kledu", "l'hebdomadaire
//! Jeune Afrique". After a media noun (data/media.tsv), a capitalised name is a title:
//!
//! - context: the noun there is a publication ("the daily"), never its other sense
//!   ("everyday", "daily life");
//! - title: the name must appear as is in English; a word-for-word translation of it
//!   (every content word found, in order, as capitalised English words that translate it
//!   through data/title_words.tsv, at least one of them differing from the French) is an
//!   error. Anything less certain stays silent.

use super::folded::Folded;
use super::{LexicalChecks, Owner, Role, Scan};
use crate::check::{Category, Finding, Severity};

/// Words that may stand between the media noun and the title: adjectives of ownership,
/// country or scope, and the complements of "agence de presse", "site d'information".
const BETWEEN: &[&str] = &[
    "prive",
    "privee",
    "prives",
    "privees",
    "public",
    "publique",
    "publics",
    "publiques",
    "national",
    "nationale",
    "nationaux",
    "regional",
    "regionale",
    "local",
    "locale",
    "international",
    "internationale",
    "panafricain",
    "panafricaine",
    "independant",
    "independante",
    "gouvernemental",
    "gouvernementale",
    "progouvernemental",
    "progouvernementale",
    "officiel",
    "officielle",
    "satirique",
    "economique",
    "sportif",
    "sportive",
    "malien",
    "malienne",
    "burkinabe",
    "nigerien",
    "nigerienne",
    "senegalais",
    "senegalaise",
    "ivoirien",
    "ivoirienne",
    "tchadien",
    "tchadienne",
    "mauritanien",
    "mauritanienne",
    "guineen",
    "guineenne",
    "algerien",
    "algerienne",
    "marocain",
    "marocaine",
    "francais",
    "francaise",
    "britannique",
    "americain",
    "americaine",
    "belge",
    "suisse",
    "canadien",
    "canadienne",
    "allemand",
    "allemande",
    "russe",
    "chinois",
    "d",
    "de",
    "etat",
    "information",
    "informations",
    "presse",
    "television",
    "radio",
    "en",
    "ligne",
    "generaliste",
    "confessionnel",
    "confessionnelle",
    "communautaire",
    "bamakois",
    "bamakoise",
    "dakarois",
    "parisien",
    "influent",
    "influente",
    "populaire",
    "grand",
    "celebre",
    "libre",
    "proche",
    "du",
    "pouvoir",
    "quotidien",
    "hebdomadaire",
    "mensuel",
    "arabophone",
    "francophone",
    "anglophone",
];

/// Function words allowed inside a title between capitalised words ("Journal du Mali").
const INSIDE: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "a", "au", "aux",
];

/// Title words that carry no meaning of their own for the comparison.
const ARTICLES: &[&str] = &[
    "le", "la", "les", "l", "de", "du", "des", "d", "et", "en", "a", "au", "aux", "un", "une",
];

/// French definite articles that open a title ("Le Sahel", "La Nation", "L'Observateur").
const DEFINITE_ARTICLES: &[&str] = &["le", "la", "les", "l"];

const ENGLISH_FUNCTION: &[&str] = &["the", "of", "and", "a", "an", "in", "on", "for", "to"];

/// A publication name found after a media noun.
struct Title {
    media: usize,
    noun: usize,
    first: usize,
    last: usize,
}

impl LexicalChecks {
    pub(super) fn publications(&self, scan: &Scan, out: &mut Vec<Finding>) {
        for m in &scan.french {
            let Owner::Media(media, Role::French) = self.french_owner[m.pattern] else {
                continue;
            };
            // A capitalised noun belongs to a name ("Radio Kledu", "l'Agence nationale").
            if scan.source.words[m.first].capitalised {
                continue;
            }
            let Some(title) = title_after(&scan.source, scan.pair.source.text, media, m.last)
            else {
                continue;
            };
            self.media_sense(scan, &title, out);
            self.translated_title(scan, &title, out);
        }
    }

    /// "le quotidien X" rendered "the everyday X".
    fn media_sense(&self, scan: &Scan, title: &Title, out: &mut Vec<Finding>) {
        let owner = |role| Owner::Media(title.media, role);
        if self.find_english(scan, owner(Role::Right)).is_some() {
            return;
        }
        let Some(wrong) = self.find_english(scan, owner(Role::Wrong)) else {
            return;
        };
        let media = &self.lexicon.media[title.media];
        let (start, end) = scan.source.orig_span(title.noun, title.last);
        let source = scan.pair.source.span(start, end);
        let target = scan.target_span(wrong);
        let right = media.right.first().map_or("", String::as_str);
        out.push(Finding {
            rule: format!(
                "context.{}",
                super::folded::fold_str(&media.french).replace(' ', "-")
            ),
            category: Category::Mistranslation,
            severity: Severity::Error,
            message: format!(
                "« {} » names a publication: « {} » is the noun “{right}” here, not “{}”",
                source.text, media.french, target.text
            ),
            source: Some(source),
            target: Some(target),
            suggestion: Some(format!("the {right}")),
        });
    }

    /// "Nouvel Horizon" rendered "New Horizon".
    fn translated_title(&self, scan: &Scan, title: &Title, out: &mut Vec<Finding>) {
        let content: Vec<&str> = (title.first..=title.last)
            .map(|i| scan.source.word(i))
            .filter(|w| !ARTICLES.contains(w))
            .collect();
        if content.is_empty() {
            return;
        }
        let english_has = |w: &str| (0..scan.target.words.len()).any(|i| scan.target.word(i) == w);
        let starts_with_article = DEFINITE_ARTICLES.contains(&scan.source.word(title.first));
        if !starts_with_article && content.iter().all(|w| english_has(w)) {
            return;
        }
        let french: Vec<&str> = (title.first..=title.last)
            .map(|i| scan.source.word(i))
            .collect();
        if kept_as_is(&scan.target, &french) {
            return;
        }
        let found = self.find_translation(&scan.target, &content, starts_with_article);
        let Some((first, last)) = found else {
            return;
        };
        let (s, e) = scan.source.orig_span(title.first, title.last);
        let source = scan.pair.source.span(s, e);
        let (s, e) = scan.target.orig_span(first, last);
        let target = scan.pair.target.span(s, e);
        out.push(Finding {
            rule: "title.translated".to_string(),
            category: Category::Title,
            severity: Severity::Error,
            message: format!(
                "« {} » is the name of a publication and stays as is; “{}” translates it",
                source.text, target.text
            ),
            suggestion: Some(source.text.clone()),
            source: Some(source),
            target: Some(target),
        });
    }

    /// A run of capitalised English words (function words allowed between them) that
    /// translate the French content words one for one, in any order since adjectives
    /// move ("Canard Enchaîné" → "Chained Duck"), at least one of them differing from
    /// the French word.
    ///
    /// A French title that starts with a definite article ("Le Sahel") is also translated
    /// when its article became a capitalised "The" inside the sentence ("the daily The Sahel").
    fn find_translation(
        &self,
        english: &Folded,
        content: &[&str],
        french_article: bool,
    ) -> Option<(usize, usize)> {
        let translates = |fr: &str, en: &str| {
            en == fr
                || self
                    .words
                    .get(fr)
                    .is_some_and(|list| list.iter().any(|t| t == en))
        };
        for start in 0..english.words.len() {
            let run = capitalised_run(english, start, content.len());
            if run.len() < content.len() {
                continue;
            }
            let mut used = vec![false; run.len()];
            let mut changed = false;
            let all = content.iter().all(|fr| {
                let found =
                    (0..run.len()).find(|&i| !used[i] && translates(fr, english.word(run[i])));
                if let Some(i) = found {
                    used[i] = true;
                    changed |= english.word(run[i]) != *fr;
                }
                found.is_some()
            });
            let article_translated = french_article && translated_article_before(english, run[0]);
            if all && (changed || article_translated) {
                let first = if article_translated {
                    run[0] - 1
                } else {
                    run[0]
                };
                return Some((first, run[run.len() - 1]));
            }
        }
        None
    }
}

/// The French title's words appear consecutively in the English: the title was kept.
fn kept_as_is(english: &Folded, french: &[&str]) -> bool {
    (0..english.words.len().saturating_sub(french.len() - 1)).any(|i| {
        french
            .iter()
            .enumerate()
            .all(|(k, w)| english.word(i + k) == *w)
    })
}

/// A capitalised "The" right before word `at` that does not open the text: the French
/// article of a title rendered in English.
fn translated_article_before(english: &Folded, at: usize) -> bool {
    at >= 2 && english.word(at - 1) == "the" && english.words[at - 1].capitalised
}

/// Indices of `n` capitalised words from `start`, skipping function words between them;
/// shorter when the run breaks.
fn capitalised_run(english: &Folded, start: usize, n: usize) -> Vec<usize> {
    let mut run = Vec::with_capacity(n);
    let mut at = start;
    while run.len() < n && at < english.words.len() {
        if english.words[at].capitalised && !ENGLISH_FUNCTION.contains(&english.word(at)) {
            run.push(at);
        } else if run.is_empty() || !ENGLISH_FUNCTION.contains(&english.word(at)) {
            break;
        }
        at += 1;
    }
    run
}

/// The capitalised name right after the media noun ending at word `noun`, skipping a few
/// adjectives, with nothing but spaces, quotes and apostrophes in between.
fn title_after(folded: &Folded, text: &str, media: usize, noun: usize) -> Option<Title> {
    let words = &folded.words;
    let joined = |a: usize, b: usize| {
        text[words[a].orig_end..words[b].orig_start]
            .chars()
            .all(|c| c.is_whitespace() || "«»\"“”'’‘-".contains(c))
    };
    let mut at = noun + 1;
    while at < words.len()
        && at <= noun + 4
        && joined(at - 1, at)
        && BETWEEN.contains(&folded.word(at))
        && !(words[at].capitalised && folded.word(at) != "etat")
    {
        at += 1;
    }
    if at >= words.len() || !words[at].capitalised || !joined(at - 1, at) {
        return None;
    }
    let first = at;
    let mut last = at;
    while last + 1 < words.len() && last + 1 - first < 6 && joined(last, last + 1) {
        let next = last + 1;
        if words[next].capitalised || folded.word(next).chars().all(|c| c.is_ascii_digit()) {
            last = next;
        } else if INSIDE.contains(&folded.word(next))
            && next + 1 < words.len()
            && words[next + 1].capitalised
            && joined(next, next + 1)
        {
            last = next + 1;
        } else {
            break;
        }
    }
    Some(Title {
        media,
        noun,
        first,
        last,
    })
}
