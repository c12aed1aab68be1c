//! Lexical check families on sentences written for these tests: each family fires on a
//! wrong rendering, stays silent on the right one, and reports the right bytes.

use std::sync::OnceLock;
use wirealign::check::lexical::LexicalChecks;
use wirealign::check::{Category, Finding, Pair, Severity, Side};
use wirealign::text::{segment_document, Document, SegmentOptions};

fn checks() -> &'static LexicalChecks {
    static CHECKS: OnceLock<LexicalChecks> = OnceLock::new();
    CHECKS.get_or_init(LexicalChecks::builtin)
}

fn check_docs(src: &Document, tgt: &Document) -> Vec<Finding> {
    let opts = |lang: &str| SegmentOptions {
        lang: lang.to_string(),
        presplit: true,
        ..Default::default()
    };
    let s = segment_document(src, &opts("fr"));
    let t = segment_document(tgt, &opts("en"));
    let pair = Pair {
        source: Side::new(src, s.iter().collect(), "fr"),
        target: Side::new(tgt, t.iter().collect(), "en"),
        score: 1.0,
    };
    checks().check(&pair)
}

fn check(fr: &str, en: &str) -> Vec<Finding> {
    check_docs(
        &Document::from_text("fr.txt", fr),
        &Document::from_text("en.txt", en),
    )
}

fn rules(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.rule.as_str()).collect()
}

/// The single finding of `rule`, with its French and English texts.
fn one<'f>(findings: &'f [Finding], rule: &str) -> (&'f Finding, &'f str, &'f str) {
    let hits: Vec<&Finding> = findings.iter().filter(|f| f.rule == rule).collect();
    assert_eq!(
        hits.len(),
        1,
        "expected one {rule} in {:?}",
        rules(findings)
    );
    let f = hits[0];
    let source = f.source.as_ref().map_or("", |s| s.text.as_str());
    let target = f.target.as_ref().map_or("", |s| s.text.as_str());
    (f, source, target)
}

#[test]
fn false_friend_fires_on_inflected_forms_and_not_on_the_right_rendering() {
    let f = check(
        "Les partisans du régime ont désigné les journalistes à la vindicte populaire.",
        "Supporters of the regime exposed journalists to popular vindictiveness.",
    );
    let (finding, fr, en) = one(&f, "false-friend.vindicte");
    assert_eq!((fr, en), ("vindicte", "vindictiveness"));
    assert_eq!(finding.category, Category::FalseFriend);
    assert_eq!(finding.severity, Severity::Error);
    assert!(finding.suggestion.is_some());

    let f = check(
        "Ils redoutent des amalgames entre les communautés.",
        "They fear amalgamations between communities.",
    );
    assert_eq!(one(&f, "false-friend.amalgame").1, "amalgames");

    let good = check(
        "Les partisans du régime ont désigné les journalistes à la vindicte populaire.",
        "Supporters of the regime exposed journalists to public condemnation.",
    );
    assert!(good.is_empty(), "{:?}", rules(&good));
}

#[test]
fn calques_match_across_articles_and_inflections() {
    let f = check(
        "Il est temps de situer clairement les responsabilités à tous les niveaux.",
        "It is time to locate the responsibilities at all levels.",
    );
    let (finding, fr, en) = one(&f, "calque.situer-les-responsabilites");
    assert_eq!(finding.category, Category::Calque);
    assert_eq!(fr, "situer clairement les responsabilités");
    assert_eq!(en, "locate the responsibilities");

    let f = check(
        "Après des années de descente aux enfers, le pays se relève.",
        "After years of descent into hell, the country is recovering.",
    );
    assert_eq!(one(&f, "calque.descente-aux-enfers").2, "descent into hell");
    let good = check(
        "Après des années de descente aux enfers, le pays se relève.",
        "After years of downward spiral, the country is recovering.",
    );
    assert!(good.is_empty(), "{:?}", rules(&good));
}

#[test]
fn a_la_une_needs_the_french_phrase() {
    let f = check(
        "Le journal a titré à sa une « la fin d'une époque ».",
        "The newspaper headlined in one \"the end of an era\".",
    );
    // "headlined" is a right rendering: silence.
    assert!(!rules(&f).contains(&"calque.a-la-une"), "{:?}", rules(&f));
    let f = check(
        "Le journal affichait à sa une « la fin d'une époque ».",
        "The newspaper displayed in one \"the end of an era\".",
    );
    assert_eq!(one(&f, "calque.a-la-une").2, "in one");
    let f = check(
        "Il est venu à la réunion.",
        "He came in one go to the meeting.",
    );
    assert!(f.is_empty(), "{:?}", rules(&f));
}

#[test]
fn quotidien_before_a_title_is_the_daily() {
    let f = check(
        "Le quotidien privé Soleil Levant a dénoncé la censure.",
        "The private everyday Rising Sun denounced censorship.",
    );
    let (finding, fr, en) = one(&f, "context.quotidien");
    assert_eq!(finding.category, Category::Mistranslation);
    assert_eq!((fr, en), ("quotidien privé Soleil Levant", "everyday"));
    let good = check(
        "Le quotidien privé Soleil Levant a dénoncé la censure.",
        "The private daily Soleil Levant denounced censorship.",
    );
    assert!(good.is_empty(), "{:?}", rules(&good));
    // The adjective and the noun "daily life" are not publications.
    let f = check(
        "Les coupures quotidiennes pèsent sur le quotidien des habitants.",
        "Daily power cuts weigh on the everyday lives of residents.",
    );
    assert!(f.is_empty(), "{:?}", rules(&f));
}

#[test]
fn a_translated_title_is_flagged_and_a_kept_one_is_not() {
    let f = check(
        "Selon l'hebdomadaire Nouvel Horizon, la réunion a eu lieu.",
        "According to the weekly New Horizon, the meeting took place.",
    );
    let (finding, fr, en) = one(&f, "title.translated");
    assert_eq!(finding.category, Category::Title);
    assert_eq!((fr, en), ("Nouvel Horizon", "New Horizon"));
    let good = check(
        "Selon l'hebdomadaire Nouvel Horizon, la réunion a eu lieu.",
        "According to the weekly Nouvel Horizon, the meeting took place.",
    );
    assert!(good.is_empty(), "{:?}", rules(&good));
}

#[test]
fn a_title_whose_article_became_the_is_flagged() {
    let f = check(
        "Le journal La Nation a critiqué la décision du gouvernement.",
        "The newspaper The Nation criticised the government's decision.",
    );
    let (_, fr, en) = one(&f, "title.translated");
    assert_eq!((fr, en), ("La Nation", "The Nation"));
    let good = check(
        "Le journal La Nation a critiqué la décision du gouvernement.",
        "The newspaper La Nation criticised the government's decision.",
    );
    assert!(good.is_empty(), "{:?}", rules(&good));
}

#[test]
fn terminology_flags_renderings_to_avoid_and_accepts_changed_acronyms() {
    let f = check(
        "Le GSIM a revendiqué l'attaque.",
        "The GSIM claimed responsibility for the attack.",
    );
    let (finding, fr, en) = one(&f, "terminology.jnim");
    assert_eq!((fr, en), ("GSIM", "GSIM"));
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(finding.suggestion.as_deref(), Some("JNIM"));
    let good = check(
        "Le GSIM a revendiqué l'attaque.",
        "JNIM claimed the attack.",
    );
    assert!(good.is_empty(), "{:?}", rules(&good));

    // French wire copy writes pronounceable acronyms in title case (Cedeao); left in the
    // English they are still the French acronym.
    let f = check(
        "La Cedeao a levé ses sanctions.",
        "The Cedeao lifted its sanctions.",
    );
    assert_eq!(one(&f, "terminology.cedeao").2, "Cedeao");
    let good = check(
        "La Cedeao a levé ses sanctions.",
        "ECOWAS lifted its sanctions.",
    );
    assert!(good.is_empty(), "{:?}", rules(&good));

    let f = check(
        "L'Alliance des États du Sahel fête son premier anniversaire.",
        "The Sahel States Alliance celebrates its first anniversary.",
    );
    assert_eq!(one(&f, "terminology.aes").2, "Sahel States Alliance");
    // A garbled official name stays wrong when the acronym follows it.
    let f = check(
        "L'Alliance des États du Sahel (AES) fête son premier anniversaire.",
        "The Sahel States Alliance (AES) celebrates its first anniversary.",
    );
    assert_eq!(one(&f, "terminology.aes").2, "Sahel States Alliance");

    let glossed = check(
        "Le Groupe de soutien à l'islam et aux musulmans (GSIM) a revendiqué l'attaque.",
        "The Group for the Support of Islam and Muslims (JNIM) claimed the attack.",
    );
    assert!(glossed.is_empty(), "{:?}", rules(&glossed));
    let explained = check(
        "Le Groupe de soutien à l'islam et aux musulmans (JNIM, selon son acronyme arabe) a revendiqué l'attaque.",
        "The Group for the Support of Islam and Muslims (known by its Arabic acronym JNIM) claimed the attack.",
    );
    assert!(explained.is_empty(), "{:?}", rules(&explained));
    let other = check(
        "Le Groupe de soutien à l'islam et aux musulmans (basé au Mali) a revendiqué l'attaque. Le JNIM est actif.",
        "The Group for the Support of Islam and Muslims (based in Mali) claimed the attack. JNIM is active.",
    );
    assert_eq!(
        one(&other, "terminology.jnim").2,
        "Group for the Support of Islam and Muslims"
    );
    let unglossed = check(
        "Le Groupe de soutien à l'islam et aux musulmans a revendiqué l'attaque.",
        "The Group for the Support of Islam and Muslims claimed the attack.",
    );
    assert_eq!(
        one(&unglossed, "terminology.jnim").2,
        "Group for the Support of Islam and Muslims"
    );

    let f = check(
        "La Banque africaine de développement (BAD) finance le barrage.",
        "The African Development Bank (BAD) is funding the dam.",
    );
    assert_eq!(one(&f, "terminology.bad").2, "BAD");
    assert!(check(
        "La Banque africaine de développement (BAD) finance le barrage.",
        "The African Development Bank (AfDB) is funding the dam.",
    )
    .is_empty());
    // A station's name keeps the French word.
    assert!(check(
        "La radio nationale Radio Tchad a relayé des témoignages venus de l'est du Tchad.",
        "The national station Radio Tchad relayed accounts from eastern Chad.",
    )
    .is_empty());
    // The English adjective is no acronym.
    assert!(check(
        "La BAD finance le barrage malgré une mauvaise année.",
        "The AfDB is funding the dam despite a bad year.",
    )
    .is_empty());

    assert!(check("L'OTAN se réunit lundi.", "NATO meets on Monday.").is_empty());
    let f = check("L'OTAN se réunit lundi.", "The alliance meets on Monday.");
    let (finding, fr, _) = one(&f, "acronym.otan");
    assert_eq!((fr, finding.severity), ("OTAN", Severity::Warning));
}

#[test]
fn offsets_point_into_the_file_as_given() {
    // Windows-1252 French with a decomposed accent elsewhere in the English (NFD).
    let fr_text = "Réunion à Bamako.\nLe régime les a livrés à la vindicte des foules.\n";
    let fr_bytes: Vec<u8> = fr_text
        .chars()
        .map(|c| match c {
            'é' => 0xE9,
            'à' => 0xE0,
            c => c as u8,
        })
        .collect();
    let en_text =
        "Re\u{301}union in Bamako.\nThe regime handed them to the vindictiveness of crowds.\n";
    let src = wirealign::text::decode::decode_bytes("fr.txt".as_ref(), &fr_bytes).unwrap();
    let tgt = wirealign::text::decode::decode_bytes("en.txt".as_ref(), en_text.as_bytes()).unwrap();
    let f = check_docs(&src, &tgt);
    let (finding, _, _) = one(&f, "false-friend.vindicte");
    let s = finding.source.as_ref().unwrap();
    assert_eq!(&fr_bytes[s.start..s.end], b"vindicte");
    assert_eq!(s.segment, 1);
    let t = finding.target.as_ref().unwrap();
    assert_eq!(
        &en_text.as_bytes()[t.start..t.end],
        "vindictiveness".as_bytes()
    );
    assert_eq!(t.segment, 1);
}

#[test]
fn built_in_lexicons_hold_real_lists() {
    let lexicon = checks().lexicon();
    let count = |prefix: &str| {
        lexicon
            .rules
            .iter()
            .filter(|r| r.id.starts_with(prefix))
            .count()
    };
    println!(
        "false friends {}, calques {}, media nouns {}, title words {}, terms {}",
        count("false-friend."),
        count("calque."),
        lexicon.media.len(),
        lexicon.words.len(),
        lexicon.terms.len()
    );
    assert!(count("false-friend.") > 100);
    assert!(count("calque.") > 50);
    // Rule ids are unique and stable in form.
    let mut ids: Vec<&str> = lexicon.rules.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before, "duplicate rule ids");
    assert!(ids.iter().all(|id| id
        .chars()
        .all(|c| c.is_ascii_lowercase() || "-.".contains(c))));
}

#[test]
fn set_phrases_are_found_in_their_inflected_forms() {
    let cases = [
        (
            "La Russie assure la formation de ses troupes.",
            "Russia ensures the formation of its troops.",
            "context.formation-des-troupes",
        ),
        // "instructors" elsewhere in the sentence does not say "training".
        (
            "Des instructeurs russes assurent la formation de ses troupes.",
            "Russian instructors ensure the formation of its troops.",
            "context.formation-des-troupes",
        ),
        (
            "L'agriculture fait vivre 80 % de la population.",
            "Agriculture makes live 80% of the population.",
            "context.faire-vivre",
        ),
        (
            "Les enseignants réclament le paiement de leurs primes.",
            "The teachers are demanding payment of their premiums.",
            "false-friend.primes",
        ),
        (
            "Le porte-parole s'exprimait lors d'un point de presse.",
            "The spokesman was speaking at a press point.",
            "calque.point-de-presse",
        ),
        (
            "Il a promis une enquête sans complaisance.",
            "He promised an investigation without complacency.",
            "calque.sans-complaisance",
        ),
        (
            "Les centres de traitement fonctionnent à flux tendu.",
            "The treatment centres are operating at tight flow.",
            "calque.a-flux-tendu",
        ),
        (
            "Le syndicat a déposé un préavis en bonne et due forme.",
            "The union filed a notice in good and due form.",
            "calque.en-bonne-et-due-forme",
        ),
        (
            "Les étudiants craignent une année blanche.",
            "The students fear a white year.",
            "calque.annee-blanche",
        ),
        (
            "L'armée poursuit sa montée en puissance.",
            "The army is continuing its rise in power.",
            "calque.montee-en-puissance",
        ),
        (
            "Il a été condamné par contumace à dix ans de prison.",
            "He was sentenced by contumacy to ten years in prison.",
            "calque.par-contumace",
        ),
        (
            "Les gardiens de faction ont été désarmés.",
            "The faction guards were disarmed.",
            "context.de-faction",
        ),
        (
            "L'argent reste le nerf de la guerre pour les partis.",
            "Money remains the nerve of the war for the parties.",
            "calque.nerf-de-la-guerre",
        ),
        (
            "Le port est le poumon économique du pays.",
            "The port is the economic lung of the country.",
            "calque.poumon-economique",
        ),
        (
            "« On ne lâchera rien », a lancé le délégué syndical.",
            "\"We will release nothing,\" the union delegate said.",
            "calque.ne-rien-lacher",
        ),
        (
            "L'ancien ministre a été appelé à la barre mardi.",
            "The former minister was called to the bar on Tuesday.",
            "calque.a-la-barre",
        ),
        (
            "La police a bouclé plusieurs quartiers populaires de la capitale.",
            "Police sealed off several popular neighbourhoods of the capital.",
            "false-friend.quartiers-populaires",
        ),
        (
            "« Je suis innocent », a-t-elle martelé devant les juges.",
            "\"I am innocent,\" she hammered before the judges.",
            "context.marteler",
        ),
        (
            "L'argument du gouvernement ne tient pas la route, selon les syndicats.",
            "The government's argument does not hold the road, according to the unions.",
            "calque.tenir-la-route",
        ),
        (
            "Les bailleurs devront mettre la main à la poche.",
            "Donors will have to put their hand in the pocket.",
            "calque.main-a-la-poche",
        ),
        (
            "La campagne cacaoyère s'ouvre le 1er octobre.",
            "The cocoa campaign opens on October 1.",
            "false-friend.campagne-agricole",
        ),
        (
            "Les planteurs profitent de la flambée des cours à Londres.",
            "Farmers are benefiting from the surge in courses in London.",
            "false-friend.cours-des-prix",
        ),
        (
            "Des hommes armés ont abattu trois villageois.",
            "Armed men knocked down three villagers.",
            "context.abattre",
        ),
        (
            "Le cacao fait vivre un cinquième de la population.",
            "Cocoa brings to life a fifth of the population.",
            "context.faire-vivre",
        ),
        (
            "« La justice suit son cours », a déclaré le ministre.",
            "\"Justice is following its course,\" the minister said.",
            "calque.suivre-son-cours",
        ),
        (
            "Cette arrestation risque de mettre le feu aux poudres.",
            "This arrest risks setting fire to the powder.",
            "calque.mettre-le-feu-aux-poudres",
        ),
        (
            "Le barrage pourrait changer la donne pour la région.",
            "The dam could change the deal for the region.",
            "calque.changer-la-donne",
        ),
        (
            "Les villageois ont décidé de saisir la justice.",
            "The villagers decided to seize justice.",
            "calque.saisir-la-justice",
        ),
        (
            "Une dizaine d'enfants figurent parmi les victimes.",
            "A dozen children are among the victims.",
            "false-friend.dizaine",
        ),
        (
            "Il a pris la parole lors d'un meeting à Lomé.",
            "He spoke at a meeting in Lomé.",
            "false-friend.meeting",
        ),
        (
            "La mer était démontée au moment du naufrage.",
            "The sea was dismounted at the time of the sinking.",
            "context.mer-demontee",
        ),
        (
            "Une vingtaine de détenus se sont fait la belle dimanche.",
            "Some twenty inmates made themselves beautiful on Sunday.",
            "calque.se-faire-la-belle",
        ),
        (
            "« Nous ne baisserons pas les bras », a assuré l'infirmière.",
            "\"We will not lower our arms,\" the nurse said.",
            "calque.baisser-les-bras",
        ),
        (
            "Il partageait sa cellule avec des détenus de droit commun.",
            "He shared his cell with common law prisoners.",
            "calque.droit-commun",
        ),
        (
            "Les secours n'ont pu intervenir faute de relais radio.",
            "Rescuers could not intervene because of faulty radio relays.",
            "false-friend.faute-de",
        ),
        (
            "La journaliste a été interpellée à son domicile mardi.",
            "The journalist was questioned at her home on Tuesday.",
            "context.interpelle",
        ),
        (
            "Les deux hommes sont poursuivis pour association de malfaiteurs et vol à main armée.",
            "The two men are being prosecuted for association of wrongdoers and armed robbery.",
            "calque.association-de-malfaiteurs",
        ),
        (
            "Le convoi a été attaqué près de Djibo, a-t-on appris mardi de sources locales.",
            "The convoy was attacked near Djibo, one learned on Tuesday from local sources.",
            "calque.a-t-on-appris",
        ),
        (
            "L'opposition a saisi la Cour constitutionnelle pour contester les résultats.",
            "The opposition seized the Constitutional Court to contest the results.",
            "context.saisir-une-instance",
        ),
        (
            "La société a saisi le Cirdi, l'instance d'arbitrage de la Banque mondiale.",
            "The company has turned to the CIRDI, the World Bank's arbitration body.",
            "terminology.cirdi",
        ),
        (
            "Le préfet s'est rendu sur place dès mardi matin avec les secours.",
            "The prefect surrendered on the spot on Tuesday morning with the rescue teams.",
            "context.se-rendre-sur-place",
        ),
        (
            "Le gouvernement promet de ne laisser aucun sinistré au bord de la route.",
            "The government promises not to leave any victim on the side of the road.",
            "calque.laisser-au-bord-de-la-route",
        ),
        (
            "Le chef de l'État, candidat à un troisième mandat, a fait campagne à Bouaké.",
            "The head of state, who is seeking a third mandate, campaigned in Bouaké.",
            "false-friend.mandat-electif",
        ),
        (
            "La haute juridiction a rejeté le recours de l'opposition.",
            "The high jurisdiction rejected the opposition's appeal.",
            "false-friend.haute-juridiction",
        ),
        (
            "Les autorités sanitaires ont recensé 40 cas suspects de rougeole.",
            "Health authorities recorded 40 suspicious cases of measles.",
            "false-friend.cas-suspects",
        ),
        (
            "L'accord prévoit le retrait des troupes d'ici à juin.",
            "The agreement foresees the withdrawal of troops by June.",
            "false-friend.prevoir-un-texte",
        ),
        (
            "Les inondations ont fait des centaines de victimes dans le sud du pays.",
            "The floods have made hundreds of victims in the south of the country.",
            "calque.faire-des-victimes",
        ),
        (
            "Les groupes armés multiplient les enlèvements dans la région.",
            "Armed groups are multiplying kidnappings in the region.",
            "calque.multiplier-les-attaques",
        ),
        (
            "Les habitants ne font plus la différence entre les combattants et les bandits.",
            "Residents no longer make the difference between fighters and bandits.",
            "calque.faire-la-difference-entre",
        ),
        (
            "Joint par téléphone, le maire a confirmé l'attaque.",
            "Joined by telephone, the mayor confirmed the attack.",
            "calque.joint-par-telephone",
        ),
        (
            "Les candidats à l'émigration partent de nuit depuis la plage.",
            "Candidates for emigration leave the beach at night.",
            "calque.candidats-a-l-emigration",
        ),
        (
            "Les Forces de soutien rapide (FSR) ont pris la ville.",
            "The Rapid Support Forces (FSR) took the town.",
            "terminology.fsr",
        ),
        (
            "La défense conteste la compétence de la Cour pour juger cette affaire.",
            "The defence disputes the competence of the Court to try this case.",
            "false-friend.competence-juridiction",
        ),
        (
            "Un convoi de ravitaillement a été attaqué sur la route de Djibo.",
            "A refuelling convoy was attacked on the road to Djibo.",
            "false-friend.ravitaillement",
        ),
        (
            "Pour l'opposition, ces promesses restent des vœux pieux.",
            "For the opposition, these promises remain pious wishes.",
            "calque.voeux-pieux",
        ),
        (
            "Les enseignants ont observé un mouvement d'humeur lundi.",
            "Teachers staged a movement of mood on Monday.",
            "calque.mouvement-d-humeur",
        ),
        (
            "La police n'a avancé aucun bilan des affrontements.",
            "Police gave no balance sheet of the clashes.",
            "false-friend.bilan",
        ),
        (
            "Le pays ne reconnaît plus la compétence de ce tribunal régional.",
            "The country no longer recognises the competence of this regional court.",
            "false-friend.competence-juridiction",
        ),
        (
            "Le pays a longtemps vécu sous un parti unique.",
            "The country long lived under a unique party.",
            "false-friend.unique-single",
        ),
        (
            "Personne ne peut prévoir l'issue des négociations de Doha.",
            "No one can foresee the exit of the Doha negotiations.",
            "false-friend.issue-outcome",
        ),
        (
            "Les recettes d'exportation du cacao ont chuté de 20 %.",
            "Cocoa export recipes fell by 20 percent.",
            "false-friend.recettes",
        ),
        (
            "La note abaissée a entraîné un recul des obligations du Trésor.",
            "The downgraded rating triggered a fall in Treasury obligations.",
            "false-friend.obligations-financieres",
        ),
        (
            "Le gouvernement table sur une croissance de 6 % cette année.",
            "The government is tabling on growth of 6 percent this year.",
            "calque.tabler-sur",
        ),
        (
            "Le Premier ministre a promis de réduire le train de vie de l'État.",
            "The prime minister promised to reduce the train of life of the State.",
            "calque.train-de-vie",
        ),
        (
            "La Force multinationale mixte (FMM) a repoussé l'assaut.",
            "The Multinational Joint Task Force (FMM) repelled the assault.",
            "terminology.fmm",
        ),
        (
            "Le gouvernement a convoqué des assises nationales sur la transition.",
            "The government convened national assizes on the transition.",
            "false-friend.assises",
        ),
        (
            "La société d'exploitation du gisement a suspendu ses activités.",
            "The exploitation company of the deposit suspended its activities.",
            "false-friend.exploitation-miniere",
        ),
        (
            "L'agence est placée sous la tutelle du ministère des Finances.",
            "The agency is placed under the guardianship of the finance ministry.",
            "false-friend.tutelle",
        ),
        (
            "Des hommes armés ont fait irruption dans le village à l'aube.",
            "Armed men made an irruption into the village at dawn.",
            "calque.faire-irruption",
        ),
        (
            "Les déplacés sont livrés à eux-mêmes depuis des semaines.",
            "The displaced have been delivered to themselves for weeks.",
            "calque.livres-a-eux-memes",
        ),
        (
            "Le prix bord champ du cacao a été relevé à 1 800 francs CFA.",
            "The edge-of-field price of cocoa was raised to 1,800 CFA francs.",
            "calque.prix-bord-champ",
        ),
        (
            "Les secours tentent de retrouver les disparus du naufrage.",
            "Rescuers are trying to find the deceased from the shipwreck.",
            "context.disparus",
        ),
        (
            "Le taux de participation, de 58 %, a été jugé honorable par les observateurs.",
            "Turnout, at 58 percent, was deemed honourable by observers.",
            "false-friend.honorable-score",
        ),
        (
            "Trois candidats briguent la magistrature suprême.",
            "Three candidates are seeking the supreme magistracy.",
            "calque.magistrature-supreme",
        ),
        (
            "Le scrutin s'est déroulé sans entorse à la loi électorale.",
            "The vote took place without any sprain to the electoral law.",
            "calque.entorse-a-la-loi",
        ),
        (
            "Ce sont les commerçants qui paient les pots cassés de la fermeture.",
            "It is the traders who are paying for the broken pots of the closure.",
            "calque.payer-les-pots-casses",
        ),
        (
            "Il a été libéré sans aucune contrepartie financière, selon Paris.",
            "He was released with no financial counterpart, according to Paris.",
            "false-friend.contrepartie",
        ),
        (
            "La Bourse a suspendu la cotation des actions du groupe.",
            "The stock exchange suspended the quotation of the group's shares.",
            "false-friend.cotation",
        ),
        (
            "Le Mali et le Burkina ont pris des mesures similaires.",
            "Mali and Burkina have taken similar measurements.",
            "false-friend.mesures",
        ),
        (
            "L'hivernage a été particulièrement pluvieux cette année.",
            "The wintering was particularly wet this year.",
            "false-friend.hivernage",
        ),
        (
            "Le parti a été exclu de ses instances dirigeantes.",
            "The party was excluded from its leading instances.",
            "false-friend.instances",
        ),
        (
            "L'otage a été libérée au terme d'une longue médiation.",
            "The hostage was freed at the term of a long mediation.",
            "calque.au-terme-de",
        ),
        (
            "Pour la junte, la mine est une vache à lait.",
            "For the junta, the mine is a milk cow.",
            "calque.vache-a-lait",
        ),
        (
            "L'émissaire a œuvré dans l'ombre pendant des mois.",
            "The envoy worked in the shadow for months.",
            "calque.oeuvrer-dans-l-ombre",
        ),
        (
            "Les militants ont répondu présent à l'appel du parti.",
            "Activists answered present to the party's appeal.",
            "calque.repondre-present",
        ),
        (
            "L'ancienne otage devra subir des examens médicaux.",
            "The former hostage will have to suffer medical examinations.",
            "context.subir-un-examen",
        ),
        (
            "Trois généraux briguent la magistrature suprême avant l'élection présidentielle.",
            "Three generals are seeking the supreme magistracy before the presidential election.",
            "calque.magistrature-supreme",
        ),
        (
            "Une quarantaine de familles ont été évacuées vers Lomé.",
            "A quarantine of families were evacuated to Lomé.",
            "false-friend.quarantaine",
        ),
        (
            "La sécheresse porte un nouveau coup dur aux éleveurs du Sahel.",
            "The drought carries a new hard blow to Sahel herders.",
            "calque.porter-un-coup",
        ),
        (
            "Le pays veut battre sa propre monnaie d'ici deux ans.",
            "The country wants to beat its own currency within two years.",
            "calque.battre-monnaie",
        ),
        (
            "Les touristes se font rares depuis les attaques.",
            "Tourists have been making themselves rare since the attacks.",
            "calque.se-faire-rare",
        ),
        (
            "Le rapport fait état de dizaines de victimes civiles.",
            "The report makes state of dozens of civilian casualties.",
            "calque.faire-etat",
        ),
        (
            "Les soignants sont sur les rotules après trois semaines d'épidémie.",
            "Health workers are on their kneecaps after three weeks of the epidemic.",
            "calque.sur-les-rotules",
        ),
        (
            "La hausse des prix vient aggraver la crise alimentaire.",
            "The rise in prices comes to aggravate the food crisis.",
            "calque.venir-aggraver",
        ),
        (
            "L'ONG a tiré lundi la sonnette d'alarme, avertissant d'une famine.",
            "The NGO pulled the alarm bell on Monday, warning of a famine.",
            "calque.tirer-la-sonnette-d-alarme",
        ),
        (
            "Le Niger détient les premières réserves d'uranium de la région.",
            "Niger holds the region's first reserves of uranium.",
            "calque.premier-producteur",
        ),
        (
            "Ces chiffres, publiés sans recul, doivent être lus avec prudence.",
            "These figures, published without retreat, must be read with caution.",
            "context.recul-hindsight",
        ),
        (
            "Un cadre de l'opposition a dénoncé la décision.",
            "An opposition frame denounced the decision.",
            "context.cadre-de-parti",
        ),
        (
            "La défense a annoncé son intention de faire appel du jugement.",
            "The defence announced its intention to make a call against the ruling.",
            "context.faire-appel",
        ),
        (
            "On ne peut pas lutter contre le terrorisme en fermant les yeux sur les exactions.",
            "You cannot fight terrorism by closing the eyes on abuses.",
            "calque.fermer-les-yeux",
        ),
        (
            "Le naufrage a suscité une vive émotion dans le pays.",
            "The shipwreck aroused a lively emotion in the country.",
            "calque.vive-emotion",
        ),
        (
            "Les permis accordés à des navires battant pavillon étranger seront revus.",
            "Permits granted to vessels beating a foreign flag will be reviewed.",
            "calque.battre-pavillon",
        ),
        (
            "Les volontaires perçoivent une indemnité mensuelle de 60 000 francs CFA.",
            "The volunteers receive a monthly indemnity of 60,000 CFA francs.",
            "false-friend.indemnite",
        ),
        (
            "Les migrants voyagent à bord de pirogues surchargées.",
            "The migrants travel aboard overcharged pirogues.",
            "false-friend.surcharge",
        ),
        (
            "Le système de ventes anticipées garantit un prix fixe.",
            "The system of anticipated sales guarantees a fixed price.",
            "false-friend.anticipe",
        ),
        (
            "Les exportateurs dénoncent le droit unique de sortie, une taxe de 14,6 %.",
            "Exporters denounce the single exit right, a 14.6% tax.",
            "false-friend.droit-de-sortie",
        ),
        (
            "Les jeunes partent vers les mines, voire vers la capitale.",
            "Young people leave for the mines, or see for the capital.",
            "false-friend.voire",
        ),
        (
            "« C'est une boucherie », a confié un chef traditionnel.",
            "\"It's a butcher's shop,\" a traditional chief said.",
            "context.boucherie",
        ),
        (
            "Les militaires ont tiré sur eux à bout portant.",
            "The soldiers pulled on them at point-blank range.",
            "context.tirer-sur",
        ),
        (
            "Le présumé chef du réseau a été arrêté à Bamako.",
            "The head of the network was arrested in Bamako.",
            "omission.presume",
        ),
        (
            "L'ancien ministre des Finances a été inculpé.",
            "The finance minister has been charged.",
            "omission.ancien",
        ),
        (
            "Le président par intérim a prêté serment lundi.",
            "The president was sworn in on Monday.",
            "omission.interim",
        ),
        (
            "Au moins douze civils ont été tués dans l'attaque.",
            "Twelve civilians were killed in the attack.",
            "omission.au-moins",
        ),
        (
            "Ils sont armés après une formation de quinze jours seulement.",
            "They are armed after fifteen days of training.",
            "omission.seulement",
        ),
        (
            "Les enseignants ont suivi le mot d'ordre de grève.",
            "The teachers followed the strike word of order.",
            "calque.mot-d-ordre",
        ),
        (
            "L'opposition a dénoncé une mise en scène.",
            "The opposition denounced a putting into scene.",
            "calque.mise-en-scene",
        ),
        (
            "Deux opposants sont poursuivis pour incitation à la révolte.",
            "Two opponents are being pursued for inciting revolt.",
            "false-friend.poursuivre-en-justice",
        ),
        (
            "Les épreuves du brevet doivent se tenir en juin.",
            "The patent exams are due to be held in June.",
            "context.brevet-examen",
        ),
        (
            "Le poste est doté de l'essentiel des pouvoirs exécutifs.",
            "The post is vested with the essential executive powers.",
            "context.essentiel-des",
        ),
        (
            "Le Qatar est un intermédiaire dans les dossiers d'otages.",
            "Qatar is a go-between in hostage files.",
            "context.dossier-affaire",
        ),
        (
            "Ils ont été détenus pour avoir manifesté pacifiquement.",
            "They were detained for demonstrating.",
            "omission.pacifiquement",
        ),
        (
            "Une centaine de pensionnaires de la prison se sont évadés.",
            "About a hundred boarders of the prison escaped.",
            "context.pensionnaires",
        ),
        (
            "Il est poursuivi pour outrage au chef de l'État.",
            "He is being prosecuted for outrage at the head of state.",
            "false-friend.outrage",
        ),
        (
            "La croissance a ralenti au premier trimestre.",
            "Growth slowed in the first trimester.",
            "false-friend.trimestre",
        ),
        (
            "Les délestages se multiplient à Dakar.",
            "Unballastings are multiplying in Dakar.",
            "false-friend.delestage",
        ),
        (
            "L'armée affirme avoir mis hors d'état de nuire une vingtaine de terroristes.",
            "The army says it put out of state to harm some twenty terrorists.",
            "calque.hors-d-etat-de-nuire",
        ),
        (
            "Le journaliste a été placé sous mandat de dépôt.",
            "The journalist was placed under a deposit warrant.",
            "calque.mandat-de-depot",
        ),
        (
            "Les prix des produits de première nécessité ont flambé.",
            "Prices of first necessity goods have soared.",
            "calque.premiere-necessite",
        ),
        (
            "Les syndicats manifestent contre la vie chère.",
            "The unions are demonstrating against the expensive life.",
            "calque.vie-chere",
        ),
        (
            "L'opposition appelle à une journée ville morte lundi.",
            "The opposition is calling for a dead city day on Monday.",
            "calque.ville-morte",
        ),
        (
            "Les ministres ont adopté une feuille de route.",
            "The ministers adopted a road sheet.",
            "calque.feuille-de-route",
        ),
        (
            "Le Mali assure la présidence tournante de l'organisation.",
            "Mali holds the turning presidency of the organisation.",
            "calque.presidence-tournante",
        ),
        (
            "Les jihadistes ont incendié les greniers du village.",
            "The jihadists set fire to the village attics.",
            "context.grenier",
        ),
        (
            "Le sommet s'est tenu sous haute sécurité à Niamey.",
            "The summit was held under high safety in Niamey.",
            "context.securite",
        ),
        (
            "La monnaie commune reste le grand chantier de l'alliance.",
            "The common currency remains the alliance's big construction site.",
            "context.chantier",
        ),
        (
            "L'assistance a applaudi la ministre.",
            "The assistance applauded the minister.",
            "context.assistance",
        ),
        (
            "Les deux armées ont décidé de mutualiser leurs forces.",
            "The two armies decided to mutualise their forces.",
            "false-friend.mutualiser",
        ),
        (
            "Le scrutin s'est déroulé dans un climat apaisé.",
            "The vote took place in an appeased climate.",
            "false-friend.apaise",
        ),
        (
            "Les observateurs ont relevé quelques insuffisances.",
            "The observers noted some insufficiencies.",
            "false-friend.insuffisances",
        ),
        (
            "Des migrants refoulés d'Algérie arrivent chaque jour.",
            "Migrants repressed from Algeria arrive every day.",
            "false-friend.refouler",
        ),
        (
            "Les autorités nigériennes ont ouvert une enquête.",
            "The Nigerian authorities have opened an investigation.",
            "false-friend.nigerien",
        ),
        (
            "Les enlèvements d'Occidentaux étaient devenus rares.",
            "Kidnappings of Occidentals had become rare.",
            "false-friend.occidentaux",
        ),
        (
            "Les voyages dans la zone sont formellement déconseillés.",
            "Travel to the area is formally advised against.",
            "false-friend.formellement",
        ),
        (
            "Son action a chuté de 12 % à la Bourse de Toronto.",
            "Its action fell 12% on the Toronto Stock Exchange.",
            "false-friend.action-en-bourse",
        ),
        (
            "Il ne pourra pas se présenter aux prochaines élections.",
            "He will not be able to present himself at the next elections.",
            "calque.se-presenter-a-une-election",
        ),
        (
            "L'opposition conteste la sincérité du scrutin.",
            "The opposition disputes the sincerity of the vote.",
            "calque.sincerite-du-scrutin",
        ),
        (
            "Les résultats seront connus avant la fête de la République.",
            "The results will be known before the Republic's party.",
            "calque.fete-nationale",
        ),
        (
            "Le texte a été adopté mercredi en Conseil des ministres.",
            "The text was adopted on Wednesday in Council of Ministers.",
            "calque.en-conseil-des-ministres",
        ),
        (
            "Le capitaine, arrivé au pouvoir par un coup d'État, a promis des réformes.",
            "The captain, who arrived in power by a coup, promised reforms.",
            "calque.arriver-au-pouvoir",
        ),
        (
            "Les investisseurs dénoncent l'insécurité juridique.",
            "Investors denounce the juridical insecurity.",
            "calque.insecurite-juridique",
        ),
        (
            "La mine emploie surtout des cadres locaux.",
            "The mine mostly employs local cadres.",
            "context.cadres",
        ),
        (
            "Un infirmier, qui n'a pas souhaité être identifié, a témoigné.",
            "A nurse, who wished to be identified, testified.",
            "context.anonymat-inverse",
        ),
        (
            "Il a affirmé cela sans fournir davantage de précisions.",
            "He said so without providing more precisions.",
            "false-friend.precisions",
        ),
        (
            "Le syndicat appelle à privilégier le dialogue.",
            "The union calls to privilege dialogue.",
            "false-friend.privilegier",
        ),
        (
            "Deux coaccusés ont été relaxés au bénéfice du doute.",
            "Two co-defendants were relaxed for the benefit of the doubt.",
            "false-friend.relaxer",
        ),
        (
            "L'agence onusienne a lancé un appel.",
            "The onusian agency launched an appeal.",
            "false-friend.onusien",
        ),
        (
            "Les médias sont suspendus jusqu'à nouvel ordre.",
            "The media are suspended until new order.",
            "calque.jusqu-a-nouvel-ordre",
        ),
        (
            "La liberté de la presse ne saurait servir de prétexte.",
            "Press freedom would not know how to serve as a pretext.",
            "calque.ne-saurait",
        ),
        (
            "Les associations locales ont pris le relais de l'État.",
            "Local associations took the relay from the state.",
            "calque.prendre-le-relais",
        ),
        (
            "Le plan est financé à hauteur de 23 %.",
            "The plan is funded up to a height of 23%.",
            "calque.a-hauteur-de",
        ),
        (
            "Il a été condamné à dix ans de prison ferme.",
            "He was sentenced to ten years of firm prison.",
            "calque.prison-ferme",
        ),
        (
            "La lutte contre la corruption est leur cheval de bataille.",
            "The fight against corruption is their battle horse.",
            "calque.cheval-de-bataille",
        ),
        (
            "La junte a poussé vers la sortie l'armée française.",
            "The junta pushed the French army towards the exit.",
            "calque.pousser-vers-la-sortie",
        ),
        (
            "Le gouvernement a débloqué une enveloppe de 5 milliards de francs CFA.",
            "The government released an envelope of 5 billion CFA francs.",
            "context.enveloppe",
        ),
        (
            "Il a été jugé par le pôle économique et financier.",
            "He was tried by the economic and financial pole.",
            "context.pole",
        ),
        (
            "Ces mines font vivre des milliers de familles.",
            "These mines provide a large livelihood to families.",
            "context.faire-vivre",
        ),
        (
            "Un responsable, qui a requis l'anonymat, a confirmé l'attaque.",
            "An official, who required anonymity, confirmed the attack.",
            "calque.requis-l-anonymat",
        ),
        (
            "Les mineurs ont entamé une grève illimitée lundi.",
            "The miners began an unlimited strike on Monday.",
            "calque.greve-illimitee",
        ),
        (
            "L'or est le premier produit d'exportation du pays.",
            "Gold is the country's first export product.",
            "calque.premier-producteur",
        ),
        (
            "Deux enseignants ont été enlevés par des hommes armés.",
            "Two teachers were removed by armed men.",
            "false-friend.enlever",
        ),
        (
            "Le chef d'état-major général des armées est arrivé à Gao.",
            "The chief of general staff of the armies arrived in Gao.",
            "calque.etat-major-des-armees",
        ),
        (
            "Le ministre a été mis en cause par l'opposition.",
            "The minister was put in cause by the opposition.",
            "calque.mettre-en-cause",
        ),
        (
            "Les médias locaux faisaient état de nombreuses victimes.",
            "Local media made state of many victims.",
            "calque.faire-etat",
        ),
        (
            "Le gouvernement a pris acte de la décision.",
            "The government took act of the decision.",
            "calque.prendre-acte",
        ),
        (
            "La réunion s'est tenue en marge du sommet.",
            "The meeting was held in the margins of the summit.",
            "calque.en-marge",
        ),
        (
            "Les éventuelles sanctions seront examinées.",
            "The eventual sanctions will be examined.",
            "false-friend.eventuel",
        ),
        (
            "Il est actuellement détenu à Bamako.",
            "He is actually detained in Bamako.",
            "false-friend.actuellement",
        ),
        (
            "Les manifestants ont été dispersés par les forces de l'ordre.",
            "The demonstrators were dispersed by the forces of order.",
            "calque.forces-de-l-ordre",
        ),
        (
            "Le régime s'est lancé dans une fuite en avant.",
            "The regime has embarked on a flight forward.",
            "calque.fuite-en-avant",
        ),
        (
            "Le régime s'est lancé dans une fuite en avant.",
            "The regime has embarked on a headlong rush.",
            "context.fuite-en-avant-headlong",
        ),
        (
            "Le bras de fer entre la junte et les syndicats continue.",
            "The arm wrestling between the junta and the unions continues.",
            "calque.bras-de-fer-arm-wrestling",
        ),
        (
            "Personne ne peut mettre en cause sa bonne foi.",
            "Nobody can dismiss his good faith.",
            "context.mettre-en-cause",
        ),
        (
            "C'est une sécheresse sans précédent depuis trente ans.",
            "It is an unprecedented drought in thirty years.",
            "context.sans-precedent-depuis",
        ),
        (
            "Le pays, en proie aux violences jihadistes, a fermé ses frontières.",
            "The country, prey to jihadist violence, has closed its borders.",
            "calque.en-proie-a",
        ),
        (
            "Le scrutin s'est tenu sur fond de tensions.",
            "The vote was held on a background of tensions.",
            "calque.sur-fond-de",
        ),
        (
            "Les bailleurs de fonds ont suspendu leur aide.",
            "The fund lessors have suspended their aid.",
            "calque.bailleurs-de-fonds",
        ),
        (
            "L'attentat a fait dix morts.",
            "The attempt left ten dead.",
            "false-friend.attentat",
        ),
        (
            "L'attaque a eu lieu dans la nuit de samedi à dimanche.",
            "The attack took place on the night of Saturday to Sunday.",
            "calque.nuit-de-samedi-a-dimanche",
        ),
        (
            "Dix civils ont été tués, selon des sources concordantes.",
            "Ten civilians were killed, according to concordant sources.",
            "calque.sources-concordantes",
        ),
        (
            "Cinq soldats ont été portés disparus.",
            "Five soldiers were carried missing.",
            "calque.portes-disparus",
        ),
        (
            "Le président s'est félicité de la libération des otages.",
            "The president congratulated himself on the release of the hostages.",
            "calque.se-feliciter",
        ),
        (
            "L'ONG mène une campagne de sensibilisation.",
            "The NGO is conducting a sensitization campaign.",
            "false-friend.sensibiliser",
        ),
        (
            "Les ravisseurs réclament une rançon.",
            "The kidnappers are claiming a ransom.",
            "false-friend.reclamer",
        ),
        // The right "question" inside the calque "put into question" does not excuse it.
        (
            "L'accord a été remis en cause par la junte.",
            "The agreement was put into question by the junta.",
            "calque.remettre-en-cause",
        ),
        (
            "Les déplacés ont regagné leurs villages.",
            "The displaced regained their villages.",
            "false-friend.regagner",
        ),
    ];
    for (fr, en, rule) in cases {
        let f = check(fr, en);
        assert_eq!(rules(&f), [rule], "{en}");
    }
    // The glossary also notes « coup de force » as a coup, usually "coup" in English.
    let f = check(
        "Depuis le coup de force du président, les ONG dénoncent une régression.",
        "Since the president's show of force, NGOs have decried a rollback.",
    );
    assert!(
        rules(&f).contains(&"context.coup-de-force"),
        "{:?}",
        rules(&f)
    );
    let right = [
        (
            "La Russie assure la formation de ses troupes.",
            "Russia trains its troops.",
        ),
        (
            "L'agriculture fait vivre 80 % de la population.",
            "Agriculture supports 80% of the population.",
        ),
        (
            "Les enseignants réclament le paiement de leurs primes.",
            "The teachers are demanding payment of their bonuses.",
        ),
        (
            "Le porte-parole s'exprimait lors d'un point de presse.",
            "The spokesman was speaking at a press briefing.",
        ),
        (
            "Il a promis une enquête sans complaisance.",
            "He promised a rigorous investigation.",
        ),
        (
            "Les centres de traitement fonctionnent à flux tendu.",
            "The treatment centres are stretched to the limit.",
        ),
        (
            "Le syndicat a déposé un préavis en bonne et due forme.",
            "The union filed a formal notice.",
        ),
        (
            "Les étudiants craignent une année blanche.",
            "The students fear a cancelled academic year.",
        ),
        (
            "L'armée poursuit sa montée en puissance.",
            "The army is continuing its build-up.",
        ),
        (
            "Il a été condamné par contumace à dix ans de prison.",
            "He was sentenced in absentia to ten years in prison.",
        ),
        (
            "Les gardiens de faction ont été désarmés.",
            "The guards on duty were disarmed.",
        ),
        (
            "Une centaine de pensionnaires de la prison se sont évadés.",
            "About a hundred inmates escaped from the prison.",
        ),
        (
            "Le GSIM a revendiqué l'attaque dans un communiqué.",
            "JNIM claimed the attack in a statement.",
        ),
        (
            "Les primes d'assurance ont augmenté.",
            "Insurance premiums have risen.",
        ),
        (
            "Il est poursuivi pour outrage au chef de l'État.",
            "He is being prosecuted for insulting the head of state.",
        ),
        (
            "La croissance a ralenti au premier trimestre.",
            "Growth slowed in the first quarter.",
        ),
        (
            "Les délestages se multiplient à Dakar.",
            "Power cuts are multiplying in Dakar.",
        ),
        (
            "L'armée affirme avoir mis hors d'état de nuire une vingtaine de terroristes.",
            "The army says it neutralised some twenty terrorists.",
        ),
        (
            "Le journaliste a été placé sous mandat de dépôt.",
            "The journalist was remanded in custody.",
        ),
        (
            "Les prix des produits de première nécessité ont flambé.",
            "Prices of essential goods have soared.",
        ),
        (
            "Les syndicats manifestent contre la vie chère.",
            "The unions are demonstrating against the high cost of living.",
        ),
        (
            "L'opposition appelle à une journée ville morte lundi.",
            "The opposition is calling for a shutdown on Monday.",
        ),
        (
            "Les ministres ont adopté une feuille de route.",
            "The ministers adopted a roadmap.",
        ),
        (
            "Le Mali assure la présidence tournante de l'organisation.",
            "Mali holds the rotating presidency of the organisation.",
        ),
        (
            "Les jihadistes ont incendié les greniers du village.",
            "The jihadists set fire to the village granaries.",
        ),
        (
            "Le sommet s'est tenu sous haute sécurité à Niamey.",
            "The summit was held under tight security in Niamey.",
        ),
        (
            "La monnaie commune reste le grand chantier de l'alliance.",
            "The common currency remains the alliance's big project.",
        ),
        (
            "L'assistance a applaudi la ministre.",
            "The audience applauded the minister.",
        ),
        (
            "La sécurité routière reste une priorité.",
            "Road safety remains a priority.",
        ),
        (
            "L'assistance humanitaire est arrivée.",
            "Humanitarian assistance has arrived.",
        ),
        (
            "Les deux armées ont décidé de mutualiser leurs forces.",
            "The two armies decided to pool their forces.",
        ),
        (
            "Le scrutin s'est déroulé dans un climat apaisé.",
            "The vote took place in a calm atmosphere.",
        ),
        (
            "Les observateurs ont relevé quelques insuffisances.",
            "The observers noted some shortcomings.",
        ),
        (
            "La société n'a pas donné suite à nos sollicitations.",
            "The company did not respond to our requests.",
        ),
        (
            "Des migrants refoulés d'Algérie arrivent chaque jour.",
            "Migrants turned back from Algeria arrive every day.",
        ),
        (
            "Les autorités nigériennes ont ouvert une enquête.",
            "The Nigerien authorities have opened an investigation.",
        ),
        (
            "Les enlèvements d'Occidentaux étaient devenus rares.",
            "Kidnappings of Westerners had become rare.",
        ),
        (
            "Les voyages dans la zone sont formellement déconseillés.",
            "Travel to the area is strictly advised against.",
        ),
        (
            "Son action a chuté de 12 % à la Bourse de Toronto.",
            "Its shares fell 12% on the Toronto Stock Exchange.",
        ),
        (
            "Il ne pourra pas se présenter aux prochaines élections.",
            "He will not be able to stand in the next elections.",
        ),
        (
            "L'opposition conteste la sincérité du scrutin.",
            "The opposition disputes the fairness of the vote.",
        ),
        (
            "Les résultats seront connus avant la fête de la République.",
            "The results will be known before Republic Day.",
        ),
        (
            "Le texte a été adopté mercredi en Conseil des ministres.",
            "The text was adopted by the cabinet on Wednesday.",
        ),
        (
            "Le capitaine, arrivé au pouvoir par un coup d'État, a promis des réformes.",
            "The captain, who came to power in a coup, promised reforms.",
        ),
        (
            "Les investisseurs dénoncent l'insécurité juridique.",
            "Investors denounce the legal uncertainty.",
        ),
        (
            "La mine emploie surtout des cadres locaux.",
            "The mine mostly employs local managers.",
        ),
        (
            "Un infirmier, qui n'a pas souhaité être identifié, a témoigné.",
            "A nurse, who did not wish to be identified, testified.",
        ),
        (
            "L'action de l'armée a été saluée.",
            "The army's action was praised.",
        ),
        (
            "Il a affirmé cela sans fournir davantage de précisions.",
            "He said so without giving further details.",
        ),
        (
            "Le syndicat appelle à privilégier le dialogue.",
            "The union calls for dialogue to be favoured.",
        ),
        (
            "Deux coaccusés ont été relaxés au bénéfice du doute.",
            "Two co-defendants were acquitted on the benefit of the doubt.",
        ),
        (
            "L'agence onusienne a lancé un appel.",
            "The UN agency launched an appeal.",
        ),
        (
            "Les médias sont suspendus jusqu'à nouvel ordre.",
            "The media are suspended until further notice.",
        ),
        (
            "La liberté de la presse ne saurait servir de prétexte.",
            "Press freedom cannot serve as a pretext.",
        ),
        (
            "Les associations locales ont pris le relais de l'État.",
            "Local associations have taken over from the state.",
        ),
        (
            "Le plan est financé à hauteur de 23 %.",
            "The plan is 23% funded.",
        ),
        (
            "Il a été condamné à dix ans de prison ferme.",
            "He was sentenced to ten years in prison.",
        ),
        (
            "La lutte contre la corruption est leur cheval de bataille.",
            "The fight against corruption is their flagship cause.",
        ),
        (
            "La junte a poussé vers la sortie l'armée française.",
            "The junta pushed out the French army.",
        ),
        (
            "Le gouvernement a débloqué une enveloppe de 5 milliards de francs CFA.",
            "The government released 5 billion CFA francs in funding.",
        ),
        (
            "Il a été jugé par le pôle économique et financier.",
            "He was tried by the economic and financial crimes unit.",
        ),
        (
            "Il a reçu une enveloppe contenant des balles.",
            "He received an envelope containing bullets.",
        ),
        (
            "Ces mines font vivre des milliers de familles.",
            "Thousands of families depend on these mines for a living.",
        ),
        (
            "Un responsable, qui a requis l'anonymat, a confirmé l'attaque.",
            "An official, who asked not to be named, confirmed the attack.",
        ),
        (
            "Les mineurs ont entamé une grève illimitée lundi.",
            "The miners began an indefinite strike on Monday.",
        ),
        (
            "L'or est le premier produit d'exportation du pays.",
            "Gold is the country's top export.",
        ),
        (
            "Deux enseignants ont été enlevés par des hommes armés.",
            "Two teachers were abducted by armed men.",
        ),
        (
            "Le chef d'état-major général des armées est arrivé à Gao.",
            "The army chief of staff arrived in Gao.",
        ),
        (
            "Le ministre a été mis en cause par l'opposition.",
            "The opposition blamed the minister.",
        ),
        (
            "Les éventuelles sanctions seront examinées.",
            "Possible sanctions will be examined.",
        ),
        (
            "Il est actuellement détenu à Bamako.",
            "He is currently detained in Bamako.",
        ),
        (
            "Les manifestants ont été dispersés par les forces de l'ordre.",
            "The demonstrators were dispersed by police.",
        ),
        (
            "Le régime s'est lancé dans une fuite en avant.",
            "The regime has embarked on a reckless escalation.",
        ),
        (
            "Le bras de fer entre la junte et les syndicats continue.",
            "The standoff between the junta and the unions continues.",
        ),
        (
            "C'est une sécheresse sans précédent depuis trente ans.",
            "It is the worst drought in thirty years.",
        ),
        (
            "Le pays, en proie aux violences jihadistes, a fermé ses frontières.",
            "The country, in the grip of jihadist violence, has closed its borders.",
        ),
        (
            "Le scrutin s'est tenu sur fond de tensions.",
            "The vote was held amid tensions.",
        ),
        (
            "Les bailleurs de fonds ont suspendu leur aide.",
            "Donors have suspended their aid.",
        ),
        ("L'attentat a fait dix morts.", "The attack left ten dead."),
        (
            "L'attaque a eu lieu dans la nuit de samedi à dimanche.",
            "The attack took place overnight Saturday into Sunday.",
        ),
        (
            "Dix civils ont été tués, selon des sources concordantes.",
            "Ten civilians were killed, according to several sources.",
        ),
        (
            "Cinq soldats ont été portés disparus.",
            "Five soldiers were reported missing.",
        ),
        (
            "L'accord a été remis en cause par la junte.",
            "The agreement was called into question by the junta.",
        ),
        (
            "Le président s'est félicité de la libération des otages.",
            "The president welcomed the release of the hostages.",
        ),
        (
            "Les ravisseurs réclament une rançon.",
            "The kidnappers are demanding a ransom.",
        ),
        (
            "L'ONG mène une campagne de sensibilisation.",
            "The NGO is running an awareness campaign.",
        ),
        (
            "Les déplacés ont regagné leurs villages.",
            "The displaced returned to their villages.",
        ),
        (
            "Le port est le poumon économique du pays.",
            "The port is the country's economic lifeline.",
        ),
        (
            "« On ne lâchera rien », a lancé le délégué syndical.",
            "\"We will not back down,\" the union delegate said.",
        ),
        (
            "L'ancien ministre a été appelé à la barre mardi.",
            "The former minister was called to the stand on Tuesday.",
        ),
        (
            "La police a bouclé plusieurs quartiers populaires de la capitale.",
            "Police sealed off several working-class neighbourhoods of the capital.",
        ),
        (
            "« Je suis innocent », a-t-elle martelé devant les juges.",
            "\"I am innocent,\" she insisted before the judges.",
        ),
        // "taken place" fills the gap of the wrong "has (…) place".
        (
            "Aucune distribution de vivres n'a eu lieu ce mois-ci.",
            "No food distribution has taken place this month.",
        ),
        (
            "L'argument du gouvernement ne tient pas la route, selon les syndicats.",
            "The government's argument does not hold water, according to the unions.",
        ),
        (
            "La campagne cacaoyère s'ouvre le 1er octobre.",
            "The cocoa season opens on October 1.",
        ),
        (
            "Les planteurs profitent de la flambée des cours à Londres.",
            "Farmers are benefiting from soaring prices in London.",
        ),
        (
            "Des hommes armés ont abattu trois villageois.",
            "Gunmen shot dead three villagers.",
        ),
        // « au cours de » is "during", and a vaccination « campagne » a campaign.
        (
            "Au cours de la campagne de vaccination, trois cas ont été signalés.",
            "During the vaccination campaign, three cases were reported.",
        ),
        (
            "Une dizaine d'enfants figurent parmi les victimes.",
            "About ten children are among the victims.",
        ),
        (
            "Plusieurs dizaines de partisans se sont rassemblés.",
            "Several dozen supporters gathered.",
        ),
        (
            "Il a pris la parole lors d'un meeting à Lomé.",
            "He spoke at a rally in Lomé.",
        ),
        (
            "Les villageois ont décidé de saisir la justice.",
            "The villagers decided to go to court.",
        ),
        (
            "Une vingtaine de détenus se sont fait la belle dimanche.",
            "Some twenty inmates escaped on Sunday.",
        ),
        (
            "La journaliste a été interpellée à son domicile mardi.",
            "The journalist was arrested at her home on Tuesday.",
        ),
        (
            "Les secours n'ont pu intervenir faute de relais radio.",
            "Rescuers could not intervene for lack of radio relays.",
        ),
        (
            "Les deux hommes sont poursuivis pour association de malfaiteurs et vol à main armée.",
            "The two men are being prosecuted for criminal conspiracy and armed robbery.",
        ),
        (
            "Le convoi a été attaqué près de Djibo, a-t-on appris mardi de sources locales.",
            "The convoy was attacked near Djibo, local sources told AFP on Tuesday.",
        ),
        (
            "L'opposition a saisi la Cour constitutionnelle pour contester les résultats.",
            "The opposition referred the matter to the Constitutional Court to contest the results.",
        ),
        (
            "La société a saisi le Cirdi, l'instance d'arbitrage de la Banque mondiale.",
            "The company has turned to ICSID, the World Bank's arbitration body.",
        ),
        (
            "Le préfet s'est rendu sur place dès mardi matin avec les secours.",
            "The prefect went to the scene on Tuesday morning with the rescue teams.",
        ),
        (
            "Le gouvernement promet de ne laisser aucun sinistré au bord de la route.",
            "The government promises not to leave any flood victim behind.",
        ),
        // Giving oneself up to the police is rightly "surrender".
        (
            "Le suspect s'est rendu à la police mardi.",
            "The suspect surrendered to police on Tuesday.",
        ),
        (
            "Le chef de l'État, candidat à un troisième mandat, a fait campagne à Bouaké.",
            "The head of state, who is seeking a third term, campaigned in Bouaké.",
        ),
        (
            "La haute juridiction a rejeté le recours de l'opposition.",
            "The court rejected the opposition's appeal.",
        ),
        (
            "Les autorités sanitaires ont recensé 40 cas suspects de rougeole.",
            "Health authorities recorded 40 suspected cases of measles.",
        ),
        (
            "L'accord prévoit le retrait des troupes d'ici à juin.",
            "The agreement provides for the withdrawal of troops by June.",
        ),
        (
            "Les inondations ont fait des centaines de victimes dans le sud du pays.",
            "The floods have killed hundreds of people in the south of the country.",
        ),
        (
            "Les groupes armés multiplient les enlèvements dans la région.",
            "Armed groups are stepping up kidnappings in the region.",
        ),
        (
            "Les habitants ne font plus la différence entre les combattants et les bandits.",
            "Residents can no longer tell the difference between fighters and bandits.",
        ),
        (
            "Joint par téléphone, le maire a confirmé l'attaque.",
            "Reached by telephone, the mayor confirmed the attack.",
        ),
        (
            "Les candidats à l'émigration partent de nuit depuis la plage.",
            "Would-be migrants leave the beach at night.",
        ),
        (
            "Les Forces de soutien rapide (FSR) ont pris la ville.",
            "The Rapid Support Forces (RSF) took the town.",
        ),
        // A mission's mandate is rightly "mandate"; a forecast is rightly "foresee".
        (
            "Le Conseil de sécurité a prolongé le mandat de la mission.",
            "The Security Council extended the mission's mandate.",
        ),
        (
            "Le FMI prévoit une croissance de 5 % l'an prochain.",
            "The IMF foresees growth of 5 percent next year.",
        ),
        (
            "La défense conteste la compétence de la Cour pour juger cette affaire.",
            "The defence disputes the Court's jurisdiction to try this case.",
        ),
        (
            "Un convoi de ravitaillement a été attaqué sur la route de Djibo.",
            "A supply convoy was attacked on the road to Djibo.",
        ),
        (
            "Pour l'opposition, ces promesses restent des vœux pieux.",
            "For the opposition, these promises remain wishful thinking.",
        ),
        (
            "Les enseignants ont observé un mouvement d'humeur lundi.",
            "Teachers staged a protest on Monday.",
        ),
        (
            "La police n'a avancé aucun bilan des affrontements.",
            "Police gave no toll for the clashes.",
        ),
        // Fuel is rightly "refuel".
        (
            "Les avions ont dû se ravitailler en carburant à Niamey.",
            "The planes had to refuel in Niamey.",
        ),
        (
            "Le pays a longtemps vécu sous un parti unique.",
            "The country long lived under a one-party system.",
        ),
        (
            "Personne ne peut prévoir l'issue des négociations de Doha.",
            "No one can foresee the outcome of the Doha negotiations.",
        ),
        (
            "Les recettes d'exportation du cacao ont chuté de 20 %.",
            "Cocoa export revenue fell by 20 percent.",
        ),
        (
            "La note abaissée a entraîné un recul des obligations du Trésor.",
            "The downgraded rating triggered a fall in Treasury bonds.",
        ),
        (
            "Le gouvernement table sur une croissance de 6 % cette année.",
            "The government is counting on growth of 6 percent this year.",
        ),
        (
            "Le Premier ministre a promis de réduire le train de vie de l'État.",
            "The prime minister promised to cut state spending.",
        ),
        (
            "La Force multinationale mixte (FMM) a repoussé l'assaut.",
            "The Multinational Joint Task Force (MNJTF) repelled the assault.",
        ),
        // A unique place is rightly "unique"; a moral obligation is rightly "obligation";
        // « recettes miracles » are "miracle recipes".
        (
            "Les recettes miracles de l'austérité n'ont rien donné.",
            "The miracle recipes of austerity have achieved nothing.",
        ),
        (
            "Le site est unique au monde.",
            "The site is unique in the world.",
        ),
        (
            "L'État a l'obligation de protéger les civils.",
            "The state has an obligation to protect civilians.",
        ),
        (
            "Le gouvernement a convoqué des assises nationales sur la transition.",
            "The government convened a national conference on the transition.",
        ),
        (
            "La société d'exploitation du gisement a suspendu ses activités.",
            "The company operating the deposit suspended its activities.",
        ),
        (
            "L'agence est placée sous la tutelle du ministère des Finances.",
            "The agency is placed under the authority of the finance ministry.",
        ),
        (
            "Des hommes armés ont fait irruption dans le village à l'aube.",
            "Armed men burst into the village at dawn.",
        ),
        (
            "Les déplacés sont livrés à eux-mêmes depuis des semaines.",
            "The displaced have been left to fend for themselves for weeks.",
        ),
        (
            "Le prix bord champ du cacao a été relevé à 1 800 francs CFA.",
            "The farmgate price of cocoa was raised to 1,800 CFA francs.",
        ),
        (
            "Les secours tentent de retrouver les disparus du naufrage.",
            "Rescuers are trying to find those missing from the shipwreck.",
        ),
        // The exploitation of children is rightly "exploitation".
        (
            "L'ONG dénonce l'exploitation des enfants dans les mines.",
            "The NGO denounces the exploitation of children in the mines.",
        ),
        (
            "Le taux de participation, de 58 %, a été jugé honorable par les observateurs.",
            "Turnout, at 58 percent, was deemed respectable by observers.",
        ),
        (
            "Trois candidats briguent la magistrature suprême.",
            "Three candidates are seeking the presidency.",
        ),
        (
            "Le scrutin s'est déroulé sans entorse à la loi électorale.",
            "The vote took place without any breach of the electoral law.",
        ),
        (
            "Ce sont les commerçants qui paient les pots cassés de la fermeture.",
            "It is the traders who are paying the price for the closure.",
        ),
        // An honourable man is rightly "honourable".
        (
            "C'était un homme honorable, a dit le juge.",
            "He was an honourable man, the judge said.",
        ),
        (
            "Il a été libéré sans aucune contrepartie financière, selon Paris.",
            "He was released without any financial compensation, according to Paris.",
        ),
        (
            "La Bourse a suspendu la cotation des actions du groupe.",
            "The stock exchange suspended trading in the group's shares.",
        ),
        (
            "Le Mali et le Burkina ont pris des mesures similaires.",
            "Mali and Burkina have taken similar measures.",
        ),
        (
            "L'hivernage a été particulièrement pluvieux cette année.",
            "The rainy season was particularly wet this year.",
        ),
        (
            "Le parti a été exclu de ses instances dirigeantes.",
            "The party was excluded from its leading bodies.",
        ),
        (
            "L'otage a été libérée au terme d'une longue médiation.",
            "The hostage was freed after a long mediation.",
        ),
        (
            "Pour la junte, la mine est une vache à lait.",
            "For the junta, the mine is a cash cow.",
        ),
        (
            "L'émissaire a œuvré dans l'ombre pendant des mois.",
            "The envoy worked behind the scenes for months.",
        ),
        (
            "Les militants ont répondu présent à l'appel du parti.",
            "Activists turned out in answer to the party's appeal.",
        ),
        (
            "L'ancienne otage devra subir des examens médicaux.",
            "The former hostage will have to undergo medical tests.",
        ),
        (
            "Trois généraux briguent la magistrature suprême avant l'élection présidentielle.",
            "Three generals are seeking the presidency before the election.",
        ),
        // « se réclamant du GSIM » is rightly "claiming allegiance to JNIM".
        (
            "Des hommes armés se réclamant du GSIM ont enlevé deux chauffeurs.",
            "Armed men claiming allegiance to JNIM kidnapped two drivers.",
        ),
        // The quarantine of people is rightly "quarantine"; « répondre à la demande » is
        // rightly "meet demand".
        (
            "Les autorités ont placé en quarantaine une quarantaine de familles.",
            "The authorities have quarantined some forty families.",
        ),
        (
            "Les stocks de vaccins ne suffisent pas à répondre à la demande.",
            "Vaccine stocks are not enough to meet demand.",
        ),
        (
            "La sécheresse porte un nouveau coup dur aux éleveurs du Sahel.",
            "The drought deals a new heavy blow to Sahel herders.",
        ),
        (
            "Le pays veut battre sa propre monnaie d'ici deux ans.",
            "The country wants to mint its own currency within two years.",
        ),
        (
            "Les touristes se font rares depuis les attaques.",
            "Tourists have been few and far between since the attacks.",
        ),
        (
            "Le rapport fait état de dizaines de victimes civiles.",
            "The report mentions dozens of civilian casualties.",
        ),
        (
            "Les soignants sont sur les rotules après trois semaines d'épidémie.",
            "Health workers are exhausted after three weeks of the epidemic.",
        ),
        (
            "La hausse des prix vient aggraver la crise alimentaire.",
            "The rise in prices further aggravates the food crisis.",
        ),
        (
            "L'ONG a tiré lundi la sonnette d'alarme, avertissant d'une famine.",
            "The NGO sounded the alarm on Monday, warning of a famine.",
        ),
        (
            "Le Niger détient les premières réserves d'uranium de la région.",
            "Niger holds the region's largest uranium reserves.",
        ),
        (
            "Ces chiffres, publiés sans recul, doivent être lus avec prudence.",
            "These figures, published without hindsight, must be read with caution.",
        ),
        (
            "Un cadre de l'opposition a dénoncé la décision.",
            "An opposition official denounced the decision.",
        ),
        (
            "Dans le cadre de l'accord, un cadre du parti sera nommé.",
            "Under the agreement, a party official will be appointed.",
        ),
        (
            "La défense a annoncé son intention de faire appel du jugement.",
            "The defence announced its intention to appeal the ruling.",
        ),
        (
            "On ne peut pas lutter contre le terrorisme en fermant les yeux sur les exactions.",
            "You cannot fight terrorism while turning a blind eye to abuses.",
        ),
        (
            "Le naufrage a suscité une vive émotion dans le pays.",
            "The shipwreck caused deep shock in the country.",
        ),
        (
            "Les permis accordés à des navires battant pavillon étranger seront revus.",
            "Permits granted to foreign-flagged vessels will be reviewed.",
        ),
        (
            "Les volontaires perçoivent une indemnité mensuelle de 60 000 francs CFA.",
            "The volunteers receive a monthly allowance of 60,000 CFA francs.",
        ),
        (
            "Les migrants voyagent à bord de pirogues surchargées.",
            "The migrants travel aboard overcrowded pirogues.",
        ),
        (
            "Le système de ventes anticipées garantit un prix fixe.",
            "The system of forward sales guarantees a fixed price.",
        ),
        (
            "Les exportateurs dénoncent le droit unique de sortie, une taxe de 14,6 %.",
            "Exporters denounce the single exit duty, a 14.6% tax.",
        ),
        (
            "Les jeunes partent vers les mines, voire vers la capitale.",
            "Young people leave for the mines, or even for the capital.",
        ),
        (
            "« C'est une boucherie », a confié un chef traditionnel.",
            "\"It's a slaughter,\" a traditional chief said.",
        ),
        (
            "Les militaires ont tiré sur eux à bout portant.",
            "The soldiers shot them at point-blank range.",
        ),
        (
            "Le présumé chef du réseau a été arrêté à Bamako.",
            "The alleged head of the network was arrested in Bamako.",
        ),
        (
            "L'ancien ministre des Finances a été inculpé.",
            "The former finance minister has been charged.",
        ),
        (
            "Le président par intérim a prêté serment lundi.",
            "The interim president was sworn in on Monday.",
        ),
        (
            "Au moins douze civils ont été tués dans l'attaque.",
            "At least twelve civilians were killed in the attack.",
        ),
        (
            "Ils sont armés après une formation de quinze jours seulement.",
            "They are armed after just fifteen days of training.",
        ),
        (
            "Les faits sont plus anciens que ceux du premier recours.",
            "The facts date back further than those of the first action.",
        ),
        (
            "Les enseignants ont suivi le mot d'ordre de grève.",
            "The teachers heeded the strike call.",
        ),
        (
            "L'opposition a dénoncé une mise en scène.",
            "The opposition denounced a set-up.",
        ),
        (
            "Deux opposants sont poursuivis pour incitation à la révolte.",
            "Two opponents are being prosecuted for inciting revolt.",
        ),
        (
            "Les épreuves du brevet doivent se tenir en juin.",
            "The lower-secondary certificate exams are due to be held in June.",
        ),
        (
            "Le poste est doté de l'essentiel des pouvoirs exécutifs.",
            "The post is vested with most executive powers.",
        ),
        (
            "Le Qatar est un intermédiaire dans les dossiers d'otages.",
            "Qatar is a go-between in hostage cases.",
        ),
        (
            "Ils ont été détenus pour avoir manifesté pacifiquement.",
            "They were detained for demonstrating peacefully.",
        ),
        // A butcher's shop in the literal sense is rightly one.
        (
            "Une boucherie du marché central a été pillée dans la nuit.",
            "A butcher's shop in the central market was looted overnight.",
        ),
        // Seizing goods is rightly "seize".
        (
            "La douane a saisi deux tonnes de cannabis près de la cour du marché.",
            "Customs seized two tonnes of cannabis near the market yard.",
        ),
        // The artillery sense of « marteler » is rightly "hammer".
        (
            "L'armée a martelé les positions des rebelles.",
            "The army hammered the rebels' positions.",
        ),
    ];
    for (fr, en) in right {
        let f = check(fr, en);
        assert!(f.is_empty(), "{en}: {:?}", rules(&f));
    }
}

#[test]
fn other_media_nouns_and_their_titles() {
    let f = check(
        "L'hebdomadaire satirique Le Canard Enchaîné a publié le document.",
        "The satirical weekly The Chained Duck published the document.",
    );
    assert_eq!(one(&f, "title.translated").2, "The Chained Duck");
    let good = check(
        "L'hebdomadaire satirique Le Canard Enchaîné a publié le document.",
        "The satirical weekly Le Canard Enchaîné published the document.",
    );
    assert!(good.is_empty(), "{:?}", rules(&good));
    // A name after a comma is not a title.
    let f = check(
        "Selon le quotidien, Nouvel Horizon est un parti.",
        "According to the daily, New Horizon is a party.",
    );
    assert!(f.is_empty(), "{:?}", rules(&f));
}

#[test]
fn the_second_half_of_a_compound_is_no_false_friend() {
    let f = check(
        "Les soldats ont embarqué à bord de deux avions-cargos.",
        "The soldiers boarded two cargo planes.",
    );
    assert!(f.is_empty(), "{:?}", rules(&f));
    // The word alone still is one.
    let f = check("Le cargo a accosté à Dakar.", "The cargo docked in Dakar.");
    assert_eq!(rules(&f), ["false-friend.cargo"]);
}

#[test]
fn an_acronym_that_classifies_a_kept_name_may_be_described() {
    let fr = "Le conflit a fait 26.000 morts, selon l'ONG Acled.";
    let f = check(
        fr,
        "The conflict has killed 26,000 people, according to the monitor ACLED.",
    );
    assert!(f.is_empty(), "{:?}", rules(&f));
    // Without the name, the acronym has to be rendered.
    let f = check(
        "Le conflit a fait 26.000 morts, selon une ONG.",
        "The conflict has killed 26,000 people, according to a monitor.",
    );
    assert_eq!(rules(&f), ["acronym.ong"]);
}

#[test]
fn bearing_a_cost_and_going_back_to_school_are_not_rendered_word_for_word() {
    let f = check(
        "Les familles ne peuvent plus supporter les frais de scolarité.",
        "Families can no longer support the costs of schooling.",
    );
    assert_eq!(rules(&f), ["false-friend.supporter-cout"]);
    let good = check(
        "Les familles ne peuvent plus supporter les frais de scolarité.",
        "Families can no longer bear the costs of schooling.",
    );
    assert!(good.is_empty(), "{:?}", rules(&good));
    let f = check(
        "Les élèves ont repris lundi le chemin de l'école.",
        "The pupils took the path of school again on Monday.",
    );
    assert_eq!(rules(&f), ["calque.reprendre-le-chemin-de"]);
    let good = check(
        "Les élèves ont repris lundi le chemin de l'école.",
        "The pupils went back to school on Monday.",
    );
    assert!(good.is_empty(), "{:?}", rules(&good));
}
