package org.skillgraph.synth;

import java.util.List;

/**
 * One SOC major group as the generator sees it: what its occupations are called, what they work on and
 * where. Every word of {@code subjects} and {@code objects} is an ordinary English word (WordNet knows it),
 * so that a page's glued "topicdescription" splits the way the seed page's do.
 *
 * @param code SOC major group code ({@code 29})
 * @param group the group's name as the exports write it
 * @param sectors NAICS sector codes its occupations are found in
 * @param context what a framework of this field covers, for "Context covered"
 * @param stems first words of occupation titles ({@code Clinical Laboratory})
 * @param roles last words of occupation titles, plural ({@code Technologists})
 * @param subjects single words that qualify a topic ({@code specimen})
 * @param objects noun phrases a statement acts on ({@code patient records})
 * @param settings where the work happens ({@code in a hospital laboratory})
 * @param cip two-digit CIP families of the programmes that lead to this field
 */
record Field(String code, String group, List<String> sectors, String context, List<String> stems,
             List<String> roles, List<String> subjects, List<String> objects, List<String> settings,
             List<String> cip) {

    private static Field of(String code, String group, String sectors, String context, String stems, String roles,
                            String subjects, String objects, String settings, String cip) {
        return new Field(code, group, split(sectors), context, split(stems), split(roles), split(subjects),
                split(objects), split(settings), split(cip));
    }

    private static List<String> split(String s) {
        return List.of(s.split("\\s*\\|\\s*"));
    }

    /** The 22 SOC major groups. */
    static final List<Field> ALL = List.of(
            of("11", "Management", "55|52|62|31",
                    "organizational units where managers plan, direct, and coordinate operations",
                    "General and Operations|Facilities|Purchasing|Compliance|Logistics|Training and Development"
                            + "|Construction|Property|Emergency|Quality Assurance|Sales|Transportation",
                    "Managers|Directors|Administrators|Supervisors",
                    "budget|staffing|vendor|contract|performance|policy|strategic|operational|project|risk|resource"
                            + "|program|facility|customer",
                    "operating budgets|staffing plans|vendor contracts|performance targets|department policies"
                            + "|project schedules|risk registers|capital requests|service agreements|team objectives"
                            + "|quarterly forecasts|procurement requests",
                    "in a regional operations office|across several business units|in a mid-sized organization"
                            + "|in a public agency|in a growing company",
                    "52|44|15"),
            of("13", "Business & Financial Operations", "52|54|92|55",
                    "business and financial offices where analysts examine records, budgets, and transactions",
                    "Budget|Credit|Financial|Tax|Compliance|Cost|Claims|Loan|Management|Fundraising|Logistics"
                            + "|Market Research",
                    "Analysts|Specialists|Examiners|Officers|Auditors|Accountants",
                    "financial|ledger|audit|tax|payroll|cost|revenue|credit|account|invoice|budget|claim",
                    "financial statements|general ledger entries|expense reports|tax returns|loan applications"
                            + "|audit working papers|cost estimates|insurance claims|payroll records|account balances"
                            + "|budget variances|vendor invoices",
                    "in a corporate finance office|in a public accounting firm|in a regional bank"
                            + "|in a government revenue agency|in a shared services center",
                    "52|45"),
            of("15", "Computer & Mathematical", "54|51|52",
                    "software, data, and network environments where practitioners build and run information systems",
                    "Software|Database|Network|Information Security|Computer Systems|Web|Data|Operations Research"
                            + "|Computer Network|Statistical",
                    "Developers|Analysts|Administrators|Architects|Engineers|Specialists|Scientists",
                    "software|network|database|security|system|server|data|code|release|user|cloud|incident",
                    "software releases|network configurations|database schemas|security patches|user accounts"
                            + "|system logs|data pipelines|test plans|incident tickets|backup schedules"
                            + "|access controls|performance metrics",
                    "in an enterprise data center|in a software product team|in a managed services firm"
                            + "|in a university computing department|in a cloud operations group",
                    "11|27|30"),
            of("17", "Architecture & Engineering", "54|33|23",
                    "design offices and plants where engineers and technicians plan, test, and improve systems",
                    "Civil Engineering|Mechanical Engineering|Electrical Engineering|Industrial Engineering"
                            + "|Environmental Engineering|Surveying|Drafting|Materials|Aerospace|Architectural",
                    "Engineers|Technicians|Drafters|Technologists|Surveyors",
                    "design|structural|drawing|prototype|material|survey|load|circuit|process|site|specification",
                    "design drawings|structural calculations|test specimens|material samples|survey data"
                            + "|circuit layouts|process flows|project specifications|inspection reports"
                            + "|prototype parts|load tests|field measurements",
                    "in a consulting engineering firm|in a manufacturing plant|on active construction sites"
                            + "|in a public works department|in a research and development laboratory",
                    "14|15"),
            of("19", "Life, Physical & Social Science", "54|61|92",
                    "research settings where scientists and technicians collect, analyze, and interpret evidence",
                    "Biological|Chemical|Environmental Science|Food Science|Geological|Soil and Plant|Social Science"
                            + "|Forensic Science|Atmospheric|Agricultural",
                    "Scientists|Technicians|Researchers|Analysts",
                    "sample|field|research|experimental|chemical|biological|survey|statistical|instrument|specimen",
                    "field samples|experimental data|research protocols|laboratory instruments|survey responses"
                            + "|chemical reagents|sampling plans|grant reports|statistical models|specimen logs"
                            + "|study findings|calibration records",
                    "in a university research laboratory|in a government science agency|at remote field stations"
                            + "|in a contract testing laboratory|in a museum collection",
                    "26|40|45"),
            of("21", "Community & Social Service", "62|92|81",
                    "community agencies where counselors and social workers support clients and families",
                    "Child, Family, and School Social|Mental Health|Rehabilitation|Community Health|Substance Abuse"
                            + "|Probation|Educational Guidance|Marriage and Family|Social and Human Service",
                    "Workers|Counselors|Specialists|Assistants|Coordinators",
                    "client|case|family|community|referral|crisis|intake|service|treatment|outreach",
                    "client case files|intake assessments|referral networks|service plans|crisis reports"
                            + "|treatment goals|family meetings|community resources|progress notes|eligibility records",
                    "in a community service agency|in a school district office|in a residential treatment program"
                            + "|in a county human services department|in a nonprofit outreach program",
                    "44|51|42"),
            of("23", "Legal", "54|92",
                    "law offices and courts where legal professionals prepare, research, and manage cases",
                    "Paralegals and Legal|Court|Title|Legal Support|Arbitration|Judicial",
                    "Assistants|Clerks|Examiners|Specialists|Mediators|Reporters",
                    "case|court|legal|contract|filing|docket|evidence|discovery|deposition|title",
                    "case files|court filings|legal memoranda|discovery requests|deposition transcripts"
                            + "|docket entries|title records|evidence logs|contract drafts|client correspondence",
                    "in a private law firm|in a county courthouse|in a corporate legal department"
                            + "|in a public defender office|in a title insurance company",
                    "22"),
            of("25", "Educational Instruction & Library", "61|92",
                    "schools, colleges, and libraries where educators plan instruction and support learners",
                    "Elementary School|Secondary School|Special Education|Adult Basic Education|Career and Technical"
                            + " Education|Library|Instructional|Tutoring|Preschool|Teaching",
                    "Teachers|Instructors|Librarians|Coordinators|Assistants",
                    "lesson|student|curriculum|assessment|classroom|reading|learning|course|library|grade",
                    "lesson plans|student records|curriculum units|assessment results|classroom routines"
                            + "|reading materials|learning goals|course outlines|library collections|grade reports",
                    "in a public elementary school|in a community college|in a school library"
                            + "|in an adult learning center|in a career and technical high school",
                    "13|25"),
            of("27", "Arts, Design, Entertainment, Sports & Media", "71|51|54",
                    "studios, venues, and newsrooms where creative professionals design and produce work",
                    "Graphic|Interior|Multimedia|Broadcast|Sound|Film and Video|Editorial|Public Relations"
                            + "|Exhibit|Fashion",
                    "Designers|Artists|Editors|Technicians|Producers|Writers",
                    "design|media|audio|video|content|brand|layout|story|exhibit|print",
                    "design concepts|media files|audio recordings|video footage|content calendars|brand guidelines"
                            + "|page layouts|story drafts|exhibit plans|print proofs",
                    "in a creative agency|in a broadcast studio|in a newsroom|in a museum exhibit workshop"
                            + "|in a live events venue",
                    "09|10|50"),
            of("29", "Healthcare Practitioners & Technical", "62",
                    "clinical and hospital environments where practitioners assess, treat, and monitor patients",
                    "Clinical Laboratory|Radiologic|Respiratory|Surgical|Cardiovascular|Nuclear Medicine"
                            + "|Diagnostic Medical|Dietetic|Pharmacy|Occupational Health|Ophthalmic|Orthotic",
                    "Technologists|Technicians|Therapists|Practitioners|Specialists",
                    "specimen|patient|clinical|diagnostic|medication|treatment|laboratory|imaging|infection|care"
                            + "|blood|sterile",
                    "patient records|blood samples|diagnostic images|medication orders|treatment plans"
                            + "|laboratory instruments|specimen labels|infection controls|care plans|imaging equipment"
                            + "|clinical charts|sterile supplies",
                    "in a clinical laboratory setting|in a hospital unit|in an outpatient clinic"
                            + "|in a diagnostic imaging center|in a community health setting",
                    "51|26"),
            of("31", "Healthcare Support", "62",
                    "care settings where aides and assistants support patients and clinical staff",
                    "Medical|Home Health|Physical Therapist|Occupational Therapy|Dental|Pharmacy|Veterinary"
                            + "|Nursing|Phlebotomy|Massage",
                    "Assistants|Aides|Technicians|Attendants|Therapists",
                    "patient|vital|supply|appointment|hygiene|mobility|specimen|room|chart|equipment",
                    "vital signs|patient charts|supply carts|appointment schedules|exam rooms|mobility aids"
                            + "|specimen containers|hygiene routines|instrument trays|intake forms",
                    "in a physician office|in a home care agency|in a skilled nursing facility"
                            + "|in a rehabilitation clinic|in a dental practice",
                    "51"),
            of("33", "Protective Service", "92|56",
                    "public safety agencies where officers protect people, property, and communities",
                    "Police|Fire|Correctional|Security|Emergency Dispatch|Fish and Game|Transit|Crossing|Fire"
                            + " Prevention|Loss Prevention",
                    "Officers|Inspectors|Investigators|Dispatchers|Guards|Supervisors",
                    "incident|patrol|safety|emergency|evidence|security|hazard|fire|dispatch|surveillance",
                    "incident reports|patrol routes|safety hazards|emergency calls|evidence logs|security cameras"
                            + "|fire alarms|dispatch records|access points|inspection checklists",
                    "in a municipal police department|in a county fire district|in a state correctional facility"
                            + "|in a regional dispatch center|on a corporate campus",
                    "43"),
            of("35", "Food Preparation & Serving Related", "72",
                    "kitchens and dining rooms where food workers prepare and serve meals safely",
                    "Restaurant|Institutional|Fast Food|Banquet|Pastry|Cafeteria|Catering|Dining Room",
                    "Cooks|Chefs|Servers|Attendants|Bakers|Supervisors",
                    "menu|food|kitchen|ingredient|sanitation|order|recipe|dining|temperature|allergen",
                    "menu items|food orders|kitchen equipment|ingredient stocks|sanitation logs|recipe cards"
                            + "|dining tables|temperature records|allergen labels|prep lists",
                    "in a full-service restaurant|in a hospital kitchen|in a school cafeteria"
                            + "|in a hotel banquet kitchen|in a catering company",
                    "12"),
            of("37", "Building & Grounds Cleaning & Maintenance", "56|61|71",
                    "buildings and grounds where crews clean, maintain, and landscape shared spaces",
                    "Janitorial|Landscaping|Pest Control|Grounds Maintenance|Housekeeping|Tree Trimming"
                            + "|Building Cleaning|Irrigation",
                    "Workers|Supervisors|Technicians|Cleaners",
                    "cleaning|grounds|waste|chemical|equipment|lawn|irrigation|floor|pest|safety",
                    "cleaning supplies|grounds equipment|waste containers|chemical labels|lawn areas"
                            + "|irrigation lines|floor surfaces|pest traps|work orders|safety signs",
                    "in a commercial office building|on a university campus|in a public park system"
                            + "|in a hospital facility|in a residential complex",
                    "01|46"),
            of("39", "Personal Care & Service", "81|62|71",
                    "service settings where care workers support the comfort, fitness, and wellbeing of clients",
                    "Childcare|Fitness|Personal Care|Recreation|Hairdressing|Skincare|Residential Advisor"
                            + "|Animal Care|Tour Guide",
                    "Workers|Trainers|Aides|Specialists|Attendants|Guides",
                    "client|activity|session|program|safety|routine|appointment|group|wellness|equipment",
                    "client goals|activity plans|session notes|program schedules|safety checks|daily routines"
                            + "|appointment bookings|group activities|wellness plans|exercise equipment",
                    "in a community recreation center|in a childcare center|in a fitness studio"
                            + "|in an assisted living residence|in a resort spa",
                    "12|31"),
            of("41", "Sales & Related", "44|42|52|53",
                    "sales floors and territories where representatives advise customers and close sales",
                    "Retail|Wholesale|Insurance|Real Estate|Advertising|Securities|Technical Sales|Travel",
                    "Representatives|Agents|Salespersons|Supervisors|Brokers",
                    "customer|product|pricing|territory|order|account|promotion|inventory|lead|contract",
                    "customer accounts|product displays|pricing quotes|sales territories|purchase orders"
                            + "|promotion calendars|inventory counts|sales leads|contract terms|client proposals",
                    "in a retail store|in a regional sales territory|in a wholesale distribution firm"
                            + "|in an insurance agency|in a real estate brokerage",
                    "52"),
            of("43", "Office & Administrative Support", "56|52|62|92",
                    "offices where administrative staff keep records, schedules, and communications in order",
                    "Administrative|Billing|Payroll|Shipping|Customer Service|Medical Records|Dispatching"
                            + "|Procurement|Human Resources|Court Records",
                    "Clerks|Assistants|Specialists|Coordinators|Representatives|Secretaries",
                    "record|billing|schedule|correspondence|filing|data|customer|shipment|payroll|office",
                    "office records|billing statements|meeting schedules|business correspondence|filing systems"
                            + "|data entries|customer inquiries|shipment documents|payroll forms|supply orders",
                    "in a busy administrative office|in a medical billing office|in a shipping department"
                            + "|in a customer contact center|in a county records office",
                    "52"),
            of("45", "Farming, Fishing & Forestry", "11",
                    "farms, forests, and fisheries where workers grow, harvest, and protect natural resources",
                    "Agricultural|Farmworker|Forest and Conservation|Fishing|Nursery|Logging|Animal Breeding"
                            + "|Crop",
                    "Workers|Technicians|Inspectors|Operators|Supervisors",
                    "crop|livestock|soil|harvest|irrigation|timber|seed|field|nursery|forest",
                    "crop rows|livestock pens|soil samples|harvest yields|irrigation pumps|timber stands|seed stocks"
                            + "|field equipment|nursery plants|forest roads",
                    "on a family farm|in a commercial greenhouse|in a national forest|aboard a fishing vessel"
                            + "|on a cattle ranch",
                    "01|03"),
            of("47", "Construction & Extraction", "23|21",
                    "construction sites and mines where crews build, install, and extract to specification",
                    "Construction|Electrical|Plumbing|Carpentry|Roofing|Masonry|Drywall|Painting|Welding"
                            + "|Highway Maintenance|Mining|Drilling",
                    "Workers|Helpers|Installers|Supervisors|Inspectors|Operators",
                    "site|framing|concrete|safety|material|blueprint|trench|scaffold|pipe|wiring",
                    "site layouts|framing members|concrete forms|safety barriers|material deliveries"
                            + "|blueprint details|trench walls|scaffold sections|pipe fittings|wiring runs",
                    "on a commercial construction site|on a residential building project|in an open pit mine"
                            + "|on a highway work zone|on an industrial renovation project",
                    "46|15"),
            of("49", "Installation, Maintenance & Repair", "81|48|33|22",
                    "shops and field sites where technicians install, maintain, and repair equipment",
                    "Automotive Service|Aircraft Mechanics and Service|Industrial Machinery|Heating and Air"
                            + " Conditioning|Electrical Power Line|Telecommunications Equipment|Medical Equipment"
                            + "|Wind Turbine|Elevator|Small Engine",
                    "Technicians|Mechanics|Installers|Repairers|Inspectors",
                    "engine|brake|hydraulic|electrical|diagnostic|part|maintenance|equipment|service|component",
                    "engine parts|brake systems|hydraulic lines|electrical panels|diagnostic codes|replacement parts"
                            + "|maintenance logs|service manuals|work orders|worn components",
                    "in an automotive repair shop|in an aircraft hangar|in a manufacturing plant"
                            + "|at customer field sites|in a utility service yard",
                    "47|49"),
            of("51", "Production", "31|32|33",
                    "plants and shops where production workers set up, run, and inspect manufacturing processes",
                    "Machinist|Assembly|Welding|Printing|Food Processing|Chemical Plant|Quality Control"
                            + "|Woodworking|Textile|Packaging",
                    "Operators|Workers|Inspectors|Technicians|Supervisors|Assemblers",
                    "machine|production|part|quality|batch|tooling|material|inspection|assembly|process",
                    "machine settings|production runs|finished parts|quality samples|batch records|tooling fixtures"
                            + "|raw materials|inspection gauges|assembly drawings|process sheets",
                    "in a high-volume manufacturing plant|in a precision machine shop|in a food processing plant"
                            + "|in a commercial print shop|in a chemical production facility",
                    "48|15"),
            of("53", "Transportation & Material Moving", "48|49|42",
                    "warehouses, vehicles, and terminals where workers move people and goods safely",
                    "Heavy Truck|Bus|Warehouse|Freight|Aircraft Cargo|Rail Yard|Ship and Boat|Parking"
                            + "|Material Handling|Delivery",
                    "Drivers|Operators|Workers|Dispatchers|Inspectors|Handlers",
                    "cargo|route|vehicle|freight|load|shipment|pallet|delivery|fleet|dock",
                    "cargo loads|delivery routes|vehicle inspections|freight manifests|pallet stacks|shipping"
                            + " labels|fleet schedules|dock assignments|fuel logs|hazardous materials",
                    "in a regional distribution center|on interstate freight routes|in a busy rail yard"
                            + "|at a commercial port|in a city transit system",
                    "49|47"));
}
