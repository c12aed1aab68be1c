//! Sentence segmentation. Rules are our own (abbreviation lists and sentence openers per
//! language, kept as data files in `data/`); a CAT tool's SRX file can replace them;
//! `--presplit` takes one segment per line. A segment never crosses a line: each non-empty
//! line is a paragraph, so a heading without final punctuation is a segment of its own.

use crate::text::rules::{AbbreviationClass, LanguageRules};
use crate::text::srx::SrxRules;
use crate::text::Document;
use std::sync::Arc;

/// A sentence (or heading) of a document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Segment {
    pub index: usize,
    /// Normalised (NFC) text, trimmed.
    pub text: String,
    /// Byte span in the normalised document text.
    pub norm_start: usize,
    pub norm_end: usize,
    /// Byte span in the file as the user gave it.
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (line block) the segment belongs to.
    pub paragraph: usize,
}

#[derive(Debug, Clone, Default)]
pub struct SegmentOptions {
    /// ISO 639-1 language code; selects the abbreviation list.
    pub lang: String,
    /// One segment per non-empty line.
    pub presplit: bool,
    /// Rules from a CAT tool's SRX file, used instead of the built-in rules.
    pub srx: Option<Arc<SrxRules>>,
}

/// Segments a document into sentences with offsets into the original file.
pub fn segment_document(doc: &Document, opts: &SegmentOptions) -> Vec<Segment> {
    let mut segments = Vec::new();
    for (paragraph, (line_start, line)) in lines(&doc.text).enumerate() {
        let spans = if opts.presplit {
            vec![(0, line.len())]
        } else if let Some(srx) = &opts.srx {
            srx.split(line, &opts.lang)
        } else {
            split_sentences(line, &opts.lang)
        };
        for (s, e) in spans {
            let raw = &line[s..e];
            let lead = raw.len() - raw.trim_start().len();
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                continue;
            }
            let norm_start = line_start + s + lead;
            let norm_end = norm_start + trimmed.len();
            segments.push(Segment {
                index: segments.len(),
                text: trimmed.to_string(),
                norm_start,
                norm_end,
                start: doc.original_offset(norm_start),
                end: doc.original_offset(norm_end),
                paragraph,
            });
        }
    }
    segments
}

/// Non-empty lines with their byte offset. Lines end at LF, CRLF, a lone CR (old Mac
/// files) or a Unicode line or paragraph separator.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest_start = 0;
    std::iter::from_fn(move || loop {
        if rest_start >= text.len() {
            return None;
        }
        let start = rest_start;
        let rest = &text[start..];
        let (line_len, break_len) = match rest.find(['\n', '\r', '\u{2028}', '\u{2029}']) {
            Some(i) if rest[i..].starts_with("\r\n") => (i, 2),
            Some(i) => (i, rest[i..].chars().next().map_or(1, char::len_utf8)),
            None => (rest.len(), 0),
        };
        rest_start = start + line_len + break_len;
        let line = &rest[..line_len];
        if !line.trim().is_empty() {
            return Some((start, line));
        }
    })
}

/// Byte spans of the sentences in one paragraph (a line without its line break), by the
/// built-in rules for `lang`. Spans cover the line, in order, without overlap.
pub fn split_sentences(line: &str, lang: &str) -> Vec<(usize, usize)> {
    let rules = LanguageRules::for_lang(lang);
    let mut spans = Vec::new();
    let mut start = 0;
    for end in sentence_ends(line, rules) {
        spans.push((start, end));
        start = end;
    }
    spans.push((start, line.len()));
    spans
}

/// Full stops, question and exclamation marks, ellipses.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…')
}

/// Ideographic full stops and full-width marks end a sentence without a following space.
fn is_fullwidth_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Marks that may close a quotation or parenthesis after the sentence's own punctuation.
/// German closes „…“ and ‚…‘ with the marks English opens with.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '»' | '”' | '"' | '\'' | '’' | ')' | ']' | '›' | '“' | '‘' | '«'
    )
}

/// Marks that may open the next sentence before its first letter.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '«' | '“' | '"' | '\'' | '‘' | '(' | '[' | '—' | '–' | '-' | '¿' | '¡' | '‹' | '„'
    )
}

/// Spaces inside French quotation marks: ordinary, no-break and narrow no-break.
fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\t')
}

/// Byte offsets at which a sentence ends inside `line` (never its very end).
fn sentence_ends(line: &str, rules: &LanguageRules) -> Vec<usize> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let byte_at = |k: usize| chars.get(k).map_or(line.len(), |&(b, _)| b);
    let mut ends = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        if is_fullwidth_terminator(c) {
            let mut end = k + 1;
            while end < chars.len()
                && (is_fullwidth_terminator(chars[end].1) || is_closer(chars[end].1))
            {
                end += 1;
            }
            if chars[end..].iter().any(|&(_, c)| !c.is_whitespace()) {
                ends.push(byte_at(end));
            }
            k = end;
            continue;
        }
        if !is_terminator(c) {
            k += 1;
            continue;
        }
        let cluster_start = k;
        let mut cluster_end = k + 1;
        while cluster_end < chars.len() && is_terminator(chars[cluster_end].1) {
            cluster_end += 1;
        }
        let end = skip_closers(&chars, cluster_end);
        k = end;
        // A boundary needs white space after the punctuation ("3.5", "lemonde.fr" are not).
        if end >= chars.len() || !chars[end].1.is_whitespace() {
            continue;
        }
        let Some(next) = next_sentence_start(&chars, end) else {
            continue;
        };
        let cluster: String = chars[cluster_start..cluster_end]
            .iter()
            .map(|&(_, c)| c)
            .collect();
        let word = word_before(line, &chars, cluster_start);
        let sentence_start = ends.last().copied().unwrap_or(0);
        let word_start = chars[cluster_start].0 + chars[cluster_start].1.len_utf8() - word.len();
        let candidate = Candidate {
            closes_bracket: chars[cluster_end..end]
                .iter()
                .any(|&(_, c)| matches!(c, ')' | ']')),
            cluster: &cluster,
            word,
            opens_an_item: opens_an_item(line.get(sentence_start..word_start).unwrap_or("")),
            preceded_by_bracket: cluster_start > 0
                && matches!(chars[cluster_start - 1].1, '[' | '('),
            next: next_word(line, &chars, next),
        };
        // A sentence needs a word: "…" or "?!" alone at a line start stays with what follows.
        let has_word = line
            .get(sentence_start..byte_at(end))
            .is_some_and(|s| s.chars().any(char::is_alphanumeric));
        if has_word && candidate.is_sentence_end(rules) {
            ends.push(byte_at(end));
        }
    }
    ends
}

/// Skips closing quotes and brackets after a terminator; French closing guillemets may be
/// preceded by a (no-break) space: « C'est fini. »
fn skip_closers(chars: &[(usize, char)], mut k: usize) -> usize {
    loop {
        if k < chars.len() && is_closer(chars[k].1) {
            k += 1;
            continue;
        }
        let mut j = k;
        while j < chars.len() && is_inline_space(chars[j].1) {
            j += 1;
        }
        if j > k && j < chars.len() && matches!(chars[j].1, '»' | '›') {
            k = j + 1;
            continue;
        }
        return k;
    }
}

/// Index of the first letter or digit of what follows the white space at `k`, skipping
/// opening quotes and dashes; `None` when only white space and punctuation remain.
fn next_sentence_start(chars: &[(usize, char)], mut k: usize) -> Option<usize> {
    while k < chars.len() && (chars[k].1.is_whitespace() || is_opener(chars[k].1)) {
        k += 1;
    }
    (k < chars.len()).then_some(k)
}

/// The word that ends at the terminator, with the terminator ("M.", "J.-C.", "2008."),
/// without opening brackets or quotes.
fn word_before<'a>(line: &'a str, chars: &[(usize, char)], cluster_start: usize) -> &'a str {
    let mut k = cluster_start;
    while k > 0 && !chars[k - 1].1.is_whitespace() && !is_fullwidth_terminator(chars[k - 1].1) {
        k -= 1;
    }
    while k < cluster_start && is_opener(chars[k].1) {
        k += 1;
    }
    let start = chars[k].0;
    let end = chars[cluster_start].0 + chars[cluster_start].1.len_utf8();
    &line[start..end]
}

/// Whether a word preceded by `before` (from the sentence start) is where an item begins.
fn opens_an_item(before: &str) -> bool {
    let before = before.trim_end();
    before.is_empty() || before.ends_with(':')
}

/// "1.", "12.", "b.", "IV.": the label of an enumerated item.
fn is_list_label(word: &str) -> bool {
    let stem = &word[..word.len() - 1];
    let all_digits =
        !stem.is_empty() && stem.len() <= 3 && stem.bytes().all(|b| b.is_ascii_digit());
    let one_letter = stem.chars().count() == 1 && stem.chars().all(char::is_alphabetic);
    let roman = !stem.is_empty() && stem.len() <= 5 && stem.chars().all(|c| "IVXLC".contains(c));
    all_digits || one_letter || roman
}

/// What follows a possible sentence end.
#[derive(Debug)]
struct NextWord<'a> {
    /// Letters (and an elision apostrophe) from the first significant character.
    word: &'a str,
    first: char,
    /// The word is a single letter followed by a full stop: an initial ("J. R. R.").
    is_initial: bool,
}

fn next_word<'a>(line: &'a str, chars: &[(usize, char)], k: usize) -> NextWord<'a> {
    let first = chars[k].1;
    let mut end = k;
    while end < chars.len() && chars[end].1.is_alphanumeric() {
        end += 1;
    }
    if end < chars.len() && crate::text::token::is_apostrophe(chars[end].1) {
        end += 1;
    }
    let byte = |i: usize| chars.get(i).map_or(line.len(), |&(b, _)| b);
    let letters = chars[k..end]
        .iter()
        .filter(|(_, c)| c.is_alphabetic())
        .count();
    NextWord {
        word: &line[byte(k)..byte(end)],
        first,
        is_initial: letters == 1 && chars.get(end).is_some_and(|&(_, c)| c == '.'),
    }
}

/// A terminator followed by white space, with its context.
struct Candidate<'a> {
    cluster: &'a str,
    word: &'a str,
    /// The word opens its sentence, or follows a colon that introduces a list.
    opens_an_item: bool,
    preceded_by_bracket: bool,
    /// A closing bracket follows the punctuation: "(fusils, etc.) Le".
    closes_bracket: bool,
    next: NextWord<'a>,
}

impl Candidate<'_> {
    fn is_sentence_end(&self, rules: &LanguageRules) -> bool {
        // A sentence never starts with a lower-case letter, a comma or a closing mark.
        if self.next.first.is_lowercase() || !self.starts_like_a_sentence() {
            return false;
        }
        // "[...]" and "(...)" mark an omission inside a quotation.
        if self.preceded_by_bracket {
            return false;
        }
        if self.cluster != "." {
            return true;
        }
        // A list label ("1.", "b.", "IV.") opens an item; it is not a sentence of its own.
        if self.opens_an_item && is_list_label(self.word) {
            return false;
        }
        let abbreviation = rules.abbreviation(self.word);
        // The full stop of an abbreviation inside brackets is not the sentence's own.
        if self.closes_bracket && abbreviation.is_some() {
            return false;
        }
        match abbreviation {
            Some(AbbreviationClass::Title | AbbreviationClass::Inner) => false,
            Some(AbbreviationClass::Number) => !self.next.first.is_numeric(),
            Some(AbbreviationClass::Ambiguous) => self.opens_sentence(rules),
            Some(AbbreviationClass::Final) => true,
            None => self.ordinary_word_is_sentence_end(rules),
        }
    }

    fn starts_like_a_sentence(&self) -> bool {
        let c = self.next.first;
        c.is_alphanumeric() || matches!(c, '$' | '€' | '£' | '¥' | '#' | '@' | '…' | '%')
    }

    /// A capitalised word from the language's list of sentence openers, not an initial.
    fn opens_sentence(&self, rules: &LanguageRules) -> bool {
        !self.next.is_initial && rules.is_sentence_opener(self.next.word)
    }

    fn ordinary_word_is_sentence_end(&self, rules: &LanguageRules) -> bool {
        let stem = &self.word[..self.word.len() - 1];
        let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
        // German ordinals: "am 3. Oktober", "im 20. Jahrhundert".
        if rules.lang == "de" && !stem.is_empty() && stem.chars().all(|c| c.is_ascii_digit()) {
            return self.opens_sentence(rules);
        }
        // Initials ("J. R. R. Tolkien", "George W. Bush") and dotted acronyms ("U.S.",
        // "J.-H.", "a.m."): a name usually follows, a sentence opener signals an end.
        let is_initial = letters == 1 && stem.chars().count() == 1;
        // "U.S.", "J.-C.", "a.m.", "Ph.D.": short parts; "lemonde.fr." is a web address.
        let is_dotted_acronym = stem.contains('.')
            && !stem.contains(|c: char| c.is_ascii_digit())
            && stem.split(['.', '-']).all(|part| part.chars().count() <= 3);
        if is_initial || is_dotted_acronym {
            return self.opens_sentence(rules);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split<'a>(text: &'a str, lang: &str) -> Vec<&'a str> {
        split_sentences(text, lang)
            .into_iter()
            .map(|(s, e)| text[s..e].trim())
            .filter(|s| !s.is_empty())
            .collect()
    }

    fn assert_unsplit(text: &str, lang: &str) {
        assert_eq!(split(text, lang), [text], "{lang}: {text}");
    }

    #[test]
    fn french_titles_do_not_end_sentences() {
        assert_unsplit(
            "M. Dupont et Mme Durand ont rencontré MM. Keïta et Traoré.",
            "fr",
        );
        assert_unsplit("Le Dr Coulibaly et le Pr. Diallo sont arrivés.", "fr");
        assert_unsplit(
            "Le Gén. Goïta a reçu le Col. Maïga et le Lt. Sangaré.",
            "fr",
        );
        assert_unsplit("Il vit à St. Louis depuis dix ans.", "fr");
    }

    #[test]
    fn english_titles_do_not_end_sentences() {
        assert_unsplit(
            "Mr. Smith met Gen. Tiani and Lt. Col. Diarra in St. Louis.",
            "en",
        );
        assert_unsplit("Dr. Traoré spoke to Mrs. Keita.", "en");
    }

    #[test]
    fn inner_abbreviations_do_not_end_sentences() {
        assert_unsplit("Des armes (p. ex. des fusils) ont été saisies.", "fr");
        assert_unsplit("La ville fut fondée en 52 av. J.-C. par les Romains.", "fr");
        assert_unsplit("Voir cf. Annexe 2 pour les détails.", "fr");
    }

    #[test]
    fn etc_ends_a_sentence_before_a_capital() {
        assert_eq!(
            split(
                "Des fusils, des munitions, etc. Le stock a été détruit.",
                "fr"
            ),
            ["Des fusils, des munitions, etc.", "Le stock a été détruit."]
        );
        assert_unsplit("Des fusils, des munitions, etc. ont été saisis.", "fr");
    }

    #[test]
    fn dotted_acronyms_end_a_sentence_only_before_an_opener() {
        assert_unsplit("The U.S. President met U.N. officials.", "en");
        assert_eq!(
            split("Aid came from the U.S. The E.U. followed.", "en"),
            ["Aid came from the U.S.", "The E.U. followed."]
        );
        assert_eq!(
            split(
                "Rome fut fondée en 753 av. J.-C. Les rois y régnèrent.",
                "fr"
            ),
            ["Rome fut fondée en 753 av. J.-C.", "Les rois y régnèrent."]
        );
    }

    #[test]
    fn initials_stay_with_the_name() {
        assert_unsplit("Le chercheur J.-H. Jézéquel a publié un rapport.", "fr");
        assert_unsplit("J. R. R. Tolkien wrote it.", "en");
        assert_unsplit("George W. Bush visited.", "en");
        assert_eq!(
            split("We chose plan B. The rest failed.", "en"),
            ["We chose plan B.", "The rest failed."]
        );
    }

    #[test]
    fn numbers_do_not_split() {
        assert_unsplit(
            "Le taux atteint 3,5 % contre 1,218.5 points et 3 000 morts.",
            "fr",
        );
        assert_unsplit("Shares fell 3.5% to 1,218.5 yen.", "en");
        assert_unsplit("See No. 5 and art. 12 for details.", "en");
        assert_eq!(
            split(
                "Il y a eu 12 morts en 2023. 15 autres ont été blessés.",
                "fr"
            ),
            ["Il y a eu 12 morts en 2023.", "15 autres ont été blessés."]
        );
        assert_eq!(
            split("The index closed at 1,183.03. Sony fell.", "en"),
            ["The index closed at 1,183.03.", "Sony fell."]
        );
    }

    #[test]
    fn german_ordinals_do_not_split() {
        assert_unsplit("Die Wahl findet am 3. Oktober statt.", "de");
        assert_unsplit("Im 20. Jahrhundert wuchs die Stadt.", "de");
        assert_eq!(
            split("Die Zahl stieg auf 30. Danach sank sie.", "de"),
            ["Die Zahl stieg auf 30.", "Danach sank sie."]
        );
        assert_unsplit(
            "Das kostet 3 Mio. Euro, sagte Dr. Müller z.B. gestern.",
            "de",
        );
    }

    #[test]
    fn list_labels_stay_with_their_item() {
        assert_eq!(
            split(
                "1. Les expéditions doivent payer. 2. Le Népal décide.",
                "fr"
            ),
            ["1. Les expéditions doivent payer.", "2. Le Népal décide."]
        );
        assert_eq!(
            split(
                "Die Regeln: 1. Die Expedition zahlt. IV. Der Staat entscheidet.",
                "de"
            ),
            [
                "Die Regeln: 1. Die Expedition zahlt.",
                "IV. Der Staat entscheidet."
            ]
        );
    }

    #[test]
    fn ellipses_end_a_sentence_before_a_capital() {
        assert_eq!(
            split("Il a hésité… Puis il est parti. Et après... Rien.", "fr"),
            ["Il a hésité…", "Puis il est parti.", "Et après...", "Rien."]
        );
        assert_unsplit("Il a hésité… puis il est parti.", "fr");
        assert_unsplit("« Nous avons [...] Tout perdu », dit-il.", "fr");
    }

    #[test]
    fn french_quotes_with_the_stop_inside_or_outside() {
        assert_eq!(
            split("Il a dit : « C'est fini. » Puis il est parti.", "fr"),
            ["Il a dit : « C'est fini. »", "Puis il est parti."]
        );
        assert_eq!(
            split("Il a dit : « C'est fini ». Puis il est parti.", "fr"),
            ["Il a dit : « C'est fini ».", "Puis il est parti."]
        );
        assert_eq!(
            split(
                "Il a dit\u{a0}: «\u{a0}C'est fini.\u{a0}» Puis il est parti.",
                "fr"
            ),
            [
                "Il a dit\u{a0}: «\u{a0}C'est fini.\u{a0}»",
                "Puis il est parti."
            ]
        );
        assert_unsplit("« Qui a tiré ? » demande-t-il.", "fr");
    }

    #[test]
    fn english_quotes_with_the_stop_inside_or_outside() {
        assert_eq!(
            split("He said: “It is over.” Then he left.", "en"),
            ["He said: “It is over.”", "Then he left."]
        );
        assert_eq!(
            split("He called it “over”. Then he left.", "en"),
            ["He called it “over”.", "Then he left."]
        );
        assert_eq!(
            split("\"It is over.\" Then he left.", "en"),
            ["\"It is over.\"", "Then he left."]
        );
        assert_unsplit("“It is over,” he said.", "en");
    }

    #[test]
    fn german_quotes_close_with_high_marks() {
        assert_eq!(
            split("Er sagte: „Wir sind bereit.“ Dann ging er.", "de"),
            ["Er sagte: „Wir sind bereit.“", "Dann ging er."]
        );
        assert_eq!(
            split("Er sagte: »Wir sind bereit.« Dann ging er.", "de"),
            ["Er sagte: »Wir sind bereit.«", "Dann ging er."]
        );
    }

    #[test]
    fn question_and_exclamation_marks_end_sentences() {
        assert_eq!(
            split(
                "Qui a tiré ? Personne ne sait ! « Pourquoi ? » Mystère.",
                "fr"
            ),
            [
                "Qui a tiré ?",
                "Personne ne sait !",
                "« Pourquoi ? »",
                "Mystère."
            ]
        );
        assert_eq!(
            split("Why?! Nobody knows.", "en"),
            ["Why?!", "Nobody knows."]
        );
    }

    #[test]
    fn web_addresses_end_sentences_like_words() {
        assert_eq!(
            split("Details are at example.com. Officials said more.", "en"),
            ["Details are at example.com.", "Officials said more."]
        );
        assert_unsplit("He earned a Ph.D. Tuesday.", "en");
    }

    #[test]
    fn no_split_without_white_space_or_before_lower_case() {
        assert_unsplit("Voir lemonde.fr pour la suite.", "fr");
        assert_unsplit("Il est 3.30 p.m. en ce moment.", "en");
        assert_unsplit("Le groupe (dit E.I.) a revendiqué.", "fr");
    }

    #[test]
    fn word_glued_to_an_ideographic_stop_does_not_panic() {
        assert_eq!(split("好。1. Il", "fr"), ["好。", "1. Il"]);
        assert_eq!(split("… Le reste. Fin.", "fr"), ["… Le reste.", "Fin."]);
    }

    #[test]
    fn generic_rules_split_other_languages() {
        assert_eq!(
            split("El ejército llegó. La gente huyó.", "es"),
            ["El ejército llegó.", "La gente huyó."]
        );
        assert_eq!(split("他来了。她走了。", "zh"), ["他来了。", "她走了。"]);
        assert_unsplit("Dr. Pérez llegó.", "und");
    }

    #[test]
    fn spans_cover_the_line_in_order() {
        let line = "Un. Deux ? Trois ! « Quatre. » Cinq…";
        let spans = split_sentences(line, "fr");
        assert_eq!(spans.first().unwrap().0, 0);
        assert_eq!(spans.last().unwrap().1, line.len());
        for pair in spans.windows(2) {
            assert_eq!(pair[0].1, pair[1].0);
        }
        assert_eq!(spans.len(), 5);
    }

    fn segment_text(text: &str, opts: &SegmentOptions) -> Vec<Segment> {
        segment_document(&Document::from_text("t.txt", text), opts)
    }

    #[test]
    fn headings_and_paragraphs_are_kept() {
        let text = "Situer les responsabilités\n\nLe quotidien a publié un éditorial. Il accuse\nles autorités.\r\n";
        let opts = SegmentOptions {
            lang: "fr".into(),
            ..SegmentOptions::default()
        };
        let segments = segment_text(text, &opts);
        let texts: Vec<&str> = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Situer les responsabilités",
                "Le quotidien a publié un éditorial.",
                "Il accuse",
                "les autorités."
            ]
        );
        let paragraphs: Vec<usize> = segments.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 1, 1, 2]);
        for s in &segments {
            assert_eq!(&text[s.start..s.end], s.text);
        }
    }

    #[test]
    fn abbreviation_inside_brackets_does_not_end_the_sentence() {
        assert_unsplit("Les armes (fusils, etc.) Les munitions aussi.", "fr");
        assert_eq!(
            split("(Il est parti.) Le reste suit.", "fr"),
            ["(Il est parti.)", "Le reste suit."]
        );
    }

    #[test]
    fn every_kind_of_line_break_ends_a_paragraph() {
        let text = "Un\rDeux\r\nTrois\u{2029}Quatre\u{2028}Cinq\n";
        let texts: Vec<String> = segment_text(text, &SegmentOptions::default())
            .into_iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(texts, ["Un", "Deux", "Trois", "Quatre", "Cinq"]);
    }

    #[test]
    fn presplit_takes_one_segment_per_line() {
        let text = "Un. Deux.\n  Trois  \n";
        let opts = SegmentOptions {
            lang: "fr".into(),
            presplit: true,
            ..SegmentOptions::default()
        };
        let texts: Vec<String> = segment_text(text, &opts)
            .into_iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(texts, ["Un. Deux.", "Trois"]);
    }
}
