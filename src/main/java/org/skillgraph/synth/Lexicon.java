package org.skillgraph.synth;

import java.util.List;

/**
 * The words the generator composes statements from. Verbs are base forms and heads are nouns that WordNet
 * knows, chosen so that every "head" glued to every verb (or adverb + verb) splits in exactly one place —
 * the same test the reader applies to a real page (checked over the whole corpus by the synth tests).
 */
final class Lexicon {
    private Lexicon() {
    }

    private static List<String> split(String s) {
        return List.of(s.split("\\s*\\|\\s*"));
    }

    /** The last word of an occupational statement's topic: the word the description gets glued to. */
    static final List<String> HEADS = split("preparation|analysis|documentation|maintenance|calibration|monitoring"
            + "|coordination|assessment|inspection|reporting|planning|scheduling|troubleshooting|verification"
            + "|installation|operation|compliance|communication|training|procurement|forecasting|design"
            + "|testing|review|evaluation|integration|leadership|stewardship|development|instruction|outreach"
            + "|handling|estimation|measurement|sampling|auditing|supervision|governance|configuration"
            + "|diagnosis|triage|budgeting|intake|repair|safety|support|advocacy|consultation"
            + "|negotiation|selection|allocation|interpretation|research|management");

    /** Generic topic qualifiers that fit any field. */
    static final List<String> MODIFIERS = split("routine|advanced|quality|regulatory|team|process|equipment"
            + "|inventory|risk|workflow|schedule|vendor|emergency|standard|complex|daily|preventive|technical"
            + "|operational|strategic|continuous|cost|document|data");

    /** Verbs a description opens with (base form), and that tasks use capitalised. */
    static final List<String> VERBS = split("perform|follow|apply|assemble|run|operate|compare|read|prioritize"
            + "|conduct|collect|calibrate|enter|analyze|monitor|track|report|integrate|configure|design|lead"
            + "|establish|define|represent|direct|manage|coordinate|review|document|prepare|inspect|maintain"
            + "|verify|schedule|estimate|evaluate|develop|implement|train|supervise|audit|negotiate"
            + "|explain|interpret|assess|identify|resolve|diagnose|install|test|measure|record|update|organize"
            + "|plan|forecast|recommend|oversee|execute|draft|present|teach|guide|support|advise"
            + "|facilitate|build|repair|adjust|clean|sort|process|compile|calculate|simulate|survey|label"
            + "|package|deliver|observe|reconcile|validate|troubleshoot|author|coach|approve"
            + "|standardize|streamline|modernize|safeguard|restructure|summarize|escalate|distribute");

    /** Adverbs that sometimes come before the verb ("…analysisindependently analyze…"). */
    static final List<String> ADVERBS = split("independently|systematically|routinely|accurately"
            + "|consistently|carefully|promptly|safely|thoroughly|regularly|efficiently|reliably|confidently");

    /** Adjectives that qualify an object. */
    static final List<String> ADJECTIVES = split("basic|standard|routine|complex|critical|detailed|accurate"
            + "|current|new|existing|annual|weekly|daily|unusual|multiple|formal|written|digital|shared|major");

    /** How each occupational level is qualified: emerging, developing, proficient, advanced. */
    static final List<List<String>> LEVEL_QUALIFIERS = List.of(
            split("under direct supervision|following written procedures|with guidance from a senior colleague"
                    + "|using standard checklists|under close oversight|with accuracy checks by a supervisor"
                    + "|according to established protocols with supervisor review|as directed by a lead worker"),
            split("with limited oversight|across routine cases|according to established schedules"
                    + "|with minimal supervision|while escalating exceptions to senior staff"
                    + "|in a moderate-volume operation|using approved tools and methods"),
            split("independently across complex cases|without supervisory input|across all major work areas"
                    + "|while adapting standard methods to unusual conditions|to resolve non-routine problems"
                    + "|with full accountability for results|as the senior resource for difficult cases"),
            split("across the organization|aligned with organizational priorities|for the whole department"
                    + "|to set institutional standards|at an enterprise level|through formal policy channels"
                    + "|for multiple sites and teams"));

    /** Occupational levels: key, label, role label (site-wide, as on the seed page). */
    static final List<List<String>> OCCUPATIONAL_LEVELS = List.of(
            List.of("emerging", "Emerging", "Entry / Apprentice"),
            List.of("developing", "Developing", "Mid-level / Established"),
            List.of("proficient", "Proficient", "Senior / Expert IC"),
            List.of("advanced", "Advanced", "Lead / Principal / Executive"));

    /** The durable-skills scale. */
    static final List<String> DURABLE_LEVELS = List.of("Emerging", "Developing", "Applying", "Exceeding");

    /** The ten durable-skill domains, in page order. */
    static final List<String> DOMAINS = List.of("Communication", "Leadership", "Metacognition", "Critical Thinking",
            "Collaboration", "Character", "Creativity", "Growth Mindset", "Mindfulness", "Fortitude");

    /** Per domain: topic nouns ("{subject} {noun}" or the noun alone) and third-person verbs. */
    static final List<List<String>> DOMAIN_TOPICS = List.of(
            split("status reporting|verbal clarification|handoff communication|written documentation|briefing"
                    + "|stakeholder updates|incident narrative|plain language explanation|active listening"
                    + "|feedback delivery|meeting facilitation|training communication"),
            split("ownership|initiative|shift coordination|mentorship initiation|program stewardship"
                    + "|section supervision|readiness leadership|improvement championing|policy governance"
                    + "|delegation|vision setting|accountability modeling"),
            split("error recognition|learning gap identification|process reflection|competency assessment"
                    + "|judgment calibration|education planning|cognitive load management|blind spot examination"
                    + "|learning culture modeling|strategy review"),
            split("reference comparison|trend interpretation|exception evaluation|evidence assessment"
                    + "|discrepancy investigation|root cause determination|method critique|outlier synthesis"
                    + "|protocol evaluation|assumption testing"),
            split("handoff participation|team processing|cross-section coordination|partnership"
                    + "|team participation|problem solving|collaborative safety|working group leadership"
                    + "|network engagement|peer support"),
            split("integrity accountability|regulatory adherence|confidentiality|error disclosure"
                    + "|professionalism under pressure|ethical stewardship|competency commitment|safety culture"
                    + "|fairness|honest reporting"),
            split("troubleshooting improvisation|workflow suggestion|alternative approach|material adaptation"
                    + "|strategy design|process innovation|method development|automation optimization"
                    + "|tool redesign|visual explanation"),
            split("instrument openness|feedback receptivity|challenge response|education engagement"
                    + "|technology adoption|training pursuit|setback reframing|mastery modeling"
                    + "|innovation persistence|skill stretching"),
            split("attention management|emotional regulation|fatigue awareness|present-moment handling"
                    + "|intentionality|stress regulation|distraction mitigation|safety culture cultivation"
                    + "|awareness application|calm transitions"),
            split("pressure tolerance|uncertainty navigation|sustained accuracy|pressure management"
                    + "|response persistence|perseverance|failure resilience|resilience leadership"
                    + "|quality advocacy|recovery after setbacks"));

    static final List<List<String>> DOMAIN_VERBS = List.of(
            split("documents|communicates|explains|conveys|presents|summarizes|reports|clarifies"),
            split("leads|organizes|guides|coordinates|directs|champions|delegates|sponsors"),
            split("reflects on|evaluates|monitors|recognizes|adjusts|questions|revisits"),
            split("compares|assesses|evaluates|identifies|analyzes|weighs|challenges"),
            split("coordinates|shares|supports|aligns|combines|negotiates|connects"),
            split("maintains|follows|protects|reports|upholds|discloses|honors"),
            split("proposes|adapts|designs|redesigns|devises|prototypes|reimagines"),
            split("seeks|accepts|pursues|embraces|explores|revisits|tackles"),
            split("pauses before handling|maintains focus on|notices|manages|regulates responses to|attends to"),
            split("sustains|persists with|continues|maintains|withstands pressure on|recovers"));

    /** How each durable level ends a statement: emerging, developing, applying, exceeding. */
    static final List<List<String>> DURABLE_TAILS = List.of(
            split("during routine work|with support from experienced colleagues|when prompted by a checklist"
                    + "|within established procedures|before asking for help"),
            split("with growing independence|across a full shift|when priorities compete"
                    + "|while keeping colleagues informed|with limited prompting"),
            split("across complex and unfamiliar situations|without waiting for direction"
                    + "|while coaching newer colleagues|under time pressure and scrutiny|across teams and shifts"),
            split("for the whole organization|setting the example for others|through formal programs"
                    + "|across sites and partner organizations|as a recognized role model"));

    /** AI-usage topics ({@code %s} is a subject word of the field). */
    static final List<String> AI_TOPICS = split("AI-assisted %s entry|Basic query delegation|Automated %s flagging"
            + "|Literature-assisted %s review|Pattern pre-screening support|Interpretation cross-check"
            + "|Bottleneck analysis|Compatibility audit|Structured reporting acceleration|AI model validation leadership"
            + "|Human-technology integration governance|Cross-domain evidence synthesis|Prompted %s summarization"
            + "|Draft generation with review|Scheduling optimization|Anomaly detection oversight"
            + "|Chatbot escalation design|AI output verification|Generative %s drafting|AI policy stewardship");

    /** AI-usage openings: what the worker does with the tool (third person). */
    static final List<String> AI_VERBS = split("uses AI-enabled tools to|directs an AI assistant to"
            + "|submits routine questions to an AI assistant to|delegates to an AI writing assistant the work to"
            + "|runs an AI reasoning tool to|orchestrates AI agents to|reviews AI-generated suggestions to"
            + "|configures automated alerts to");

    /** AI-usage closings: how the worker keeps the judgment. */
    static final List<String> AI_CHECKS = split("then verifies the answer against validated protocols"
            + "|then applies professional judgment to accept, repeat, or escalate the result"
            + "|then evaluates the summaries against current procedures before recommending changes"
            + "|retaining full authorship of every conclusion|then confirms each flagged item by direct inspection"
            + "|documenting the limits of the tool for institutional approval"
            + "|then resolves each flag through authoritative checks");

    /** Real O*NET skills. */
    static final List<String> SKILLS = split("Active Learning|Active Listening|Complex Problem Solving|Coordination"
            + "|Critical Thinking|Equipment Maintenance|Equipment Selection|Installation|Instructing"
            + "|Judgment and Decision Making|Learning Strategies|Management of Financial Resources"
            + "|Management of Material Resources|Management of Personnel Resources|Mathematics|Monitoring|Negotiation"
            + "|Operation and Control|Operations Analysis|Operations Monitoring|Persuasion|Programming"
            + "|Quality Control Analysis|Reading Comprehension|Repairing|Science|Service Orientation"
            + "|Social Perceptiveness|Speaking|Systems Analysis|Systems Evaluation|Technology Design|Time Management"
            + "|Troubleshooting|Writing");

    static final List<String> KNOWLEDGE = split("Administration and Management|Administrative|Biology"
            + "|Building and Construction|Chemistry|Communications and Media|Computers and Electronics"
            + "|Customer and Personal Service|Design|Economics and Accounting|Education and Training"
            + "|Engineering and Technology|English Language|Fine Arts|Food Production|Foreign Language|Geography"
            + "|History and Archeology|Law and Government|Mathematics|Mechanical|Medicine and Dentistry"
            + "|Personnel and Human Resources|Philosophy and Theology|Physics|Production and Processing|Psychology"
            + "|Public Safety and Security|Sales and Marketing|Sociology and Anthropology|Telecommunications"
            + "|Therapy and Counseling|Transportation");

    static final List<String> ABILITIES = split("Arm-Hand Steadiness|Auditory Attention|Category Flexibility"
            + "|Control Precision|Deductive Reasoning|Depth Perception|Dynamic Flexibility|Dynamic Strength"
            + "|Explosive Strength|Extent Flexibility|Far Vision|Finger Dexterity|Flexibility of Closure"
            + "|Fluency of Ideas|Glare Sensitivity|Gross Body Coordination|Gross Body Equilibrium|Hearing Sensitivity"
            + "|Inductive Reasoning|Information Ordering|Manual Dexterity|Mathematical Reasoning|Memorization"
            + "|Multilimb Coordination|Near Vision|Night Vision|Number Facility|Oral Comprehension|Oral Expression"
            + "|Originality|Perceptual Speed|Peripheral Vision|Problem Sensitivity|Rate Control|Reaction Time"
            + "|Response Orientation|Selective Attention|Sound Localization|Spatial Orientation|Speech Clarity"
            + "|Speech Recognition|Speed of Closure|Speed of Limb Movement|Stamina|Static Strength|Time Sharing"
            + "|Trunk Strength|Visual Color Discrimination|Visualization|Wrist-Finger Speed|Written Comprehension"
            + "|Written Expression");

    static final List<String> WORK_STYLES = split("Achievement Orientation|Adaptability|Attention to Detail"
            + "|Cautiousness|Cooperation|Dependability|Empathy|Humility|Initiative|Innovation|Integrity"
            + "|Intellectual Curiosity|Leadership Orientation|Optimism|Perseverance|Self-Confidence|Self-Control"
            + "|Sincerity|Social Orientation|Stress Tolerance|Tolerance for Ambiguity");

    static final List<String> TECHNOLOGY = split("Accounting software|Analytical or scientific software"
            + "|Business intelligence and data analysis software|Calendar and scheduling software"
            + "|Categorization or classification software|Computer aided design CAD software"
            + "|Customer relationship management CRM software|Data base management system software"
            + "|Data base user interface and query software|Development environment software"
            + "|Document management software|Electronic mail software|Enterprise resource planning ERP software"
            + "|Facilities management software|Financial analysis software|Geographic information system"
            + "|Graphics or photo imaging software|Human resources software|Industrial control software"
            + "|Information retrieval or search software|Instant messaging software|Internet browser software"
            + "|Inventory management software|Label making software|Map creation software|Medical software"
            + "|Network monitoring software|Office suite software|Operating system software"
            + "|Point of sale POS software|Presentation software|Project management software"
            + "|Route navigation software|Sales and marketing software|Spreadsheet software|Time accounting software"
            + "|Video conferencing software|Web page creation and editing software|Word processing software"
            + "|Procurement software|Electronic medical record EMR software|Computer based training software"
            + "|Computer aided manufacturing CAM software|Fleet management software|Tax preparation software");

    /** RAPIDS apprenticeship titles, rarely listed. */
    static final List<String> APPRENTICESHIPS = split("Maintenance Mechanic|Industrial Electrician"
            + "|Medical Laboratory Technician|Pharmacy Technician|Carpenter|Plumber|Machinist|Truck Driver"
            + "|Line Cook|Office Manager|Dental Assistant|Welder|Solar Installer|Data Analyst");

    /** Words for the purpose of a task ("… to ensure accuracy of the results."). */
    static final List<String> PURPOSES = split("to ensure accuracy of the results|to meet safety standards"
            + "|to keep work on schedule|to support clinical or business decisions|for storage and later review"
            + "|to identify problems early|according to applicable regulations|to maintain quality levels"
            + "|to inform management decisions|to prevent delays or errors");

    /** Job zones 1–5 as the page writes them. */
    static final List<String> JOB_ZONES = List.of("Little or No Preparation", "Some Preparation", "Medium Preparation",
            "Considerable Preparation", "Extensive Preparation");

    /** WEF clusters: label and key. */
    static final List<List<String>> WEF_CLUSTERS = List.of(
            List.of("Human-Technology Interaction", "human_technology_interaction"),
            List.of("Analytical Thinking", "analytical_thinking"),
            List.of("Technological Literacy", "technological_literacy"),
            List.of("Creative Thinking", "creative_thinking"),
            List.of("Resilience, Flexibility and Agility", "resilience_flexibility_agility"),
            List.of("Leadership and Social Influence", "leadership_social_influence"),
            List.of("Service Orientation and Customer Service", "service_orientation_customer_service"),
            List.of("Talent Management", "talent_management"),
            List.of("Manual Dexterity and Precision", "manual_dexterity_precision"),
            List.of("Curiosity and Lifelong Learning", "curiosity_lifelong_learning"));

    /** Surnames for author-year citations. */
    static final List<String> SURNAMES = split("Okafor|Lindqvist|Moreau|Tanaka|Haddad|Novak|Fernandes|Kowalski"
            + "|Abernathy|Osei|Varga|Delacroix|Nakamura|Petrov|Quintero|Sorensen|Adeyemi|Brennan|Castellano"
            + "|Dubois|Eriksen|Farouk|Gallagher|Hoffmann|Ibarra|Jovanovic|Kaur|Larsen|Mensah|Nguyen|Oyelaran"
            + "|Pereira|Rasmussen|Sandoval|Takahashi|Underwood|Valdez|Wainwright|Yamamoto|Zielinski");

    /**
     * First words of author-year titles. No statement topic starts with one of them, so a title's first word
     * is never mistaken for the start of the chip's label (the reader's first rule).
     */
    static final List<String> PAPER_OPENERS = split("Measuring|Mapping|Tracking|Estimating|Benchmarking"
            + "|Quantifying|Modelling|Charting");

    static final List<String> PAPER_SUBJECTS = split("Task Exposure to Generative Models|Automation Risk in Skilled"
            + " Trades|Skill Demand in Frontline Work|AI Adoption in Allied Health|Wage Effects of Workplace Automation"
            + "|Credential Signals in Hiring|Upskilling Returns for Technicians|Human Oversight of Workplace AI"
            + "|Occupational Change Since 2020|Durable Skills in Job Postings|Apprenticeship Outcomes by Field"
            + "|Productivity Gains from AI Assistants");

    /** Institutional sources: label, title (same first word: the reader's first rule), detail, address. */
    static final List<List<String>> INSTITUTIONS = List.of(
            List.of("BLS Employment Projections", "BLS Employment Projections 2024 to 2034",
                    "U.S. Bureau of Labor Statistics, September 2025", "https://www.bls.gov/emp/"),
            List.of("Lightcast Open Skills", "Lightcast Open Skills Taxonomy", "Lightcast, version 9.4",
                    "https://lightcast.io/open-skills"),
            List.of("ESCO v1.2", "ESCO Classification",
                    "European Skills, Competences, Qualifications and Occupations, v1.2",
                    "https://esco.ec.europa.eu/"),
            List.of("OECD Skills Outlook", "OECD Skills Outlook 2025", "Thriving in a Digital World",
                    "https://www.oecd.org/skills/"),
            List.of("NCES Digest", "NCES Digest of Education Statistics 2024",
                    "National Center for Education Statistics", "https://nces.ed.gov/programs/digest/"),
            List.of("ILO Future of Work", "ILO Future of Work Observatory", "International Labour Organization, 2025",
                    "https://www.ilo.org/"),
            List.of("NSC Workforce Pulse", "NSC Workforce Pulse Survey", "National Skills Coalition, spring 2026",
                    "https://nationalskillscoalition.org/"),
            List.of("USDOL Competency Models", "USDOL Competency Model Clearinghouse",
                    "U.S. Department of Labor, 2025 update", "https://www.careeronestop.org/"),
            List.of("Credential Engine Registry", "Credential Engine Registry Counts 2026",
                    "Counting U.S. Postsecondary and Secondary Credentials", "https://credentialengine.org/"),
            List.of("Brookings Metro", "Brookings Metro Automation Index", "Brookings Institution, 2025",
                    "https://www.brookings.edu/"));
}
