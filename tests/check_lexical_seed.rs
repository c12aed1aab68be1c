//! The seed machine translation's known errors, caught by general lexicon entries. The
//! English lines are read from ../shared/seeds (never copied here); the French lines are
//! our own wording of the same dispatch.

mod common;

use wirealign::check::lexical::LexicalChecks;
use wirealign::check::Finding;

fn check(checks: &LexicalChecks, fr: &str, en: &str) -> Vec<Finding> {
    common::lexical_findings(checks, fr, en)
}

/// (marker of the English line, our French, rules that must fire)
const CASES: &[(&str, &str, &[&str])] = &[
    (
        "descent into hell",
        "Ces chiffres battent en brèche le discours de la junte, selon lequel sa stratégie a permis \
         d'inverser la tendance face aux jihadistes après des années de descente aux enfers.",
        &["calque.descente-aux-enfers"],
    ),
    (
        "Situating responsibilities",
        "« Situer les responsabilités »",
        &["calque.situer-les-responsabilites"],
    ),
    (
        "Rare dissonant voice",
        "Rare voix dissonante, le quotidien Nouvel Horizon a fait retentir à sa une « l'heure de \
         situer les responsabilités à tous les niveaux ». De nombreux Maliens ont réclamé des \
         sanctions sur internet. Les soutiens de la junte ont au contraire désigné à la vindicte \
         l'Occident, certains médias et journalistes, et même l'Ukraine.",
        &[
            "calque.voix-dissonante",
            "context.quotidien",
            "title.translated",
            "calque.a-la-une",
            "calque.situer-les-responsabilites",
            "false-friend.vindicte",
        ],
    ),
    (
        "community amalgamations",
        "Les attaques ont aussi fait craindre des règlements de comptes contre certains groupes \
         humains à cause d'amalgames communautaires.",
        &["false-friend.amalgame"],
    ),
    (
        "front of the stage",
        "« Il faut aussi remettre sur le devant de la scène une réponse de nature politique, un \
         dialogue politique. »",
        &["calque.devant-de-la-scene"],
    ),
    (
        "(GSIM)",
        "Le Groupe de soutien à l'islam et aux musulmans (GSIM), qui a revendiqué l'opération, a \
         assuré que quelques dizaines de ses hommes avaient fait des centaines de morts.",
        &["terminology.jnim"],
    ),
    (
        "Sahel States Alliance",
        "Les attaques sont survenues au lendemain du premier anniversaire de l'Alliance des États \
         du Sahel (AES), qui réunit le Mali, le Burkina Faso et le Niger.",
        &["terminology.aes"],
    ),
];

#[test]
fn the_seed_errors_are_caught_by_general_entries() {
    let Some(seed) = common::shared("seeds/000_35dc1731561789f4.txt") else {
        return;
    };
    let english = std::fs::read_to_string(seed).unwrap();
    let checks = LexicalChecks::builtin();
    for (marker, french, expected) in CASES {
        let line = english
            .lines()
            .find(|l| l.contains(marker))
            .unwrap_or_else(|| panic!("no seed line contains {marker:?}"));
        let findings = check(&checks, french, line);
        let rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
        for rule in *expected {
            assert!(
                rules.contains(rule),
                "{rule} not raised on {marker:?}: {rules:?}"
            );
        }
        for f in &findings {
            println!(
                "{}: {} → {}",
                f.rule,
                f.message,
                f.suggestion.as_deref().unwrap_or("")
            );
        }
    }
}
