"""The demo hub's words: written for this project from the facts in the partnership's papers.

Everything here is fictional: the places, the groups and the contact details. No real person.
"""

from home import cover_your_tracks

ORGANISATION = {
    "organisation_name": "Kingsbrook Parent Partnership",
    "contact_email": "partnership@example.org",
    "contact_phone": "0300 000 0000",
    "contact_address": "Kingsbrook Parent Partnership\nFamily Hub, Mill Lane\nKingsbrook KB1 1AA",
}
HOME_TAGLINE = "Parents and children's services, working together"
# An 0300 number is charged as a local (01/02) call and counts toward inclusive minutes (Ofcom);
# it is not free, so the demo does not say it is.
HOME_CONTACT_HOURS = (
    "Monday to Friday, 9am to 5pm. A call costs the same as a call to a local number "
    "(starting 01 or 02) and counts toward any free minutes on your phone plan."
)
HOME_CONTACT_HOURS_EASY_READ = (
    "You can phone us from Monday to Friday. We answer from 9 in the morning to 5 in the "
    "afternoon. A call costs the same as calling a local number."
)

HOME_INTRO = (
    "Clear, honest information about what happens when children's services get involved with "
    "your family, written with parents who have been through it. Find out your rights, how "
    "meetings and court work, and how you can help change things."
)


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


# -- The co-production charter --------------------------------------------------------------

CO_PRODUCTION_INTRO = (
    "This charter is how parents, carers, young people and staff have agreed to work together. "
    "Families know best what their lives are like, so they should help shape the support they "
    "get. Each principle below comes with promises you can hold us to."
)
CO_PRODUCTION_CLOSING = (
    "If you feel we have broken one of these promises, tell us. You can speak to any member of "
    "the parents' group, or contact the partnership. We will listen and tell you what we did."
)
PRINCIPLES = [
    (
        "Trust",
        "We earn trust by being open with you and by doing what we say.",
        [
            "We will not talk about you without you",
            "We agree together what matters most",
            "We work out the best way forward side by side",
        ],
    ),
    (
        "Shared understanding",
        "We make sure everyone knows what we are trying to do and why.",
        [
            "We agree what we are trying to achieve",
            "We agree what doing it well looks like",
            "We respect the time and other commitments everyone has",
        ],
    ),
    (
        "Equal partnership",
        "Parents bring expertise from their own lives. Staff bring theirs. Both count.",
        [
            "Anyone can take part, whatever their needs or abilities",
            "We all have something to learn from each other",
            "We face this together, as equals",
        ],
    ),
    (
        "Creative thinking",
        "We are willing to try new ways of doing things.",
        [
            "We try new ways of planning and working",
            "We work in the way that suits you best",
            "If the right answer takes longer, we take the time",
        ],
    ),
    (
        "Communication",
        "We keep people informed, in words and formats that work for them.",
        [
            "We keep everyone up to date",
            "We are honest about what we can and cannot do",
            "Everything we share is easy to get and easy to understand",
        ],
    ),
]

# -- The parent rights charter --------------------------------------------------------------

RIGHTS_INTRO = (
    "Parents and carers in our parents' group wrote this charter with children's services. It "
    "says how you should be treated when you get support from us, and what to do if that does "
    "not happen."
)
RIGHTS_CLOSING = (
    "These rights do not replace your legal rights. A solicitor or an advocate can tell you "
    "more about those."
)
RIGHTS = [
    (
        "To be treated with respect",
        p(
            "Everyone who works with your family should be polite, kind and honest with you. "
            "They should use your name, listen when you speak and not judge you."
        ),
        p(
            "Tell the worker's manager. If that does not help, you can make a complaint. "
            "You can ask someone from the partnership to help you do this."
        ),
    ),
    (
        "To understand what is happening and why",
        p("Workers should explain things in plain words, and check that you have understood.")
        + ul(
            "You can ask for things to be explained again, as many times as you need",
            "You can ask for an interpreter, free of charge",
            "You can ask for letters and reports in Easy Read or another format",
        ),
        p(
            "Ask your social worker to explain again, or to put it in writing. If you still "
            "do not understand, contact the partnership and we will help you find out."
        ),
    ),
    (
        "To have your views heard and written down properly",
        p(
            "Your views should be asked for at every meeting about your family. Reports should "
            "say what you think, in your words, and not only what others think."
        ),
        p(
            "If a report gets your views wrong, say so in writing. Ask for your comments to be "
            "added to the report before the meeting."
        ),
    ),
    (
        "To see the information that is shared about you",
        p(
            "You should get reports before meetings, with time to read them. Where some "
            "information cannot be shared with you, the meeting should be planned so that you "
            "are left out as little as possible."
        ),
        p(
            "Ask the chair of the meeting why you have not seen a report. You can ask for a "
            "copy of the records held about you; this is called a subject access request."
        ),
    ),
    (
        "To bring someone with you",
        p(
            "You can bring a friend, a relative or an advocate to meetings for support. An "
            "advocate is someone independent who helps you say what you want to say."
        ),
        p("Ask the chair of the meeting. If you are told no, ask them to write down why."),
    ),
    (
        "To complain and get an answer",
        p(
            "You can complain about any service you get from us. Complaining will not be held "
            "against you or your family."
        ),
        p(
            'Phone the complaints team on <a href="tel:03000000002">0300 000 0002</a> or email '
            '<a href="mailto:complaints@example.org">complaints@example.org</a>. You can also '
            "write to them, or ask any worker to pass your complaint on.",
            "You should get an answer within 10 working days. If you are still unhappy, you can "
            "ask for your complaint to go to the next stage. After that, the Local Government "
            "and Social Care Ombudsman can look at it.",
        ),
    ),
]

# -- Guides ---------------------------------------------------------------------------------

CP_GUIDE_SUMMARY = (
    "What happens, step by step, when children's services are worried about a child: from the "
    "first visit to child protection conferences and, for some families, court."
)


def child_protection_steps(leaflet_id):
    return [
        {
            "heading": "Children's services get in touch",
            "summary": "Someone has told children's services they are worried about a child.",
            "body": [
                (
                    "paragraph",
                    p(
                        "Anyone can contact children's services: a school, a doctor, a "
                        "neighbour or a relative. A social worker will then contact you, "
                        "usually by phone or with a visit.",
                        "You have the right to know why they are involved. Ask them to tell "
                        "you what the worry is, and write down what they say.",
                    ),
                ),
                (
                    "inset_text",
                    {"text": p("Getting advice early helps. You do not have to do this alone.")},
                ),
            ],
        },
        {
            "heading": "An assessment",
            "summary": "A social worker finds out more about your family and what help you need.",
            "body": [
                (
                    "paragraph",
                    p(
                        "The social worker will talk to you, to your children and to people "
                        "who know your family. They look at what is going well as well as the "
                        "worries.",
                        "If they think a child may be at risk of serious harm, they will make "
                        "what are called child protection enquiries. They must still explain "
                        "what they are doing.",
                    ),
                ),
            ],
        },
        {
            "heading": "Get support and advice",
            "logic": "and",
            "summary": "At the same time, you can get help from people on your side.",
            "body": [
                (
                    "paragraph",
                    p("You can ask for:")
                    + ul(
                        "an advocate, who helps you say what you want to say",
                        "a parent from our parents' group, who has been through it",
                        # The Law Society's public register of solicitors, searchable by
                        # area of law (family, children) and by legal aid.
                        'free legal advice from a <a href="https://solicitors.lawsociety.org.uk/">'
                        "family law solicitor</a>",
                    ),
                ),
            ],
        },
        {
            "heading": "The first child protection conference",
            "summary": "A meeting where you and the professionals decide if your child needs a "
            "child protection plan.",
            "body": [
                (
                    "paragraph",
                    p(
                        "The conference usually happens within three weeks of the enquiries "
                        "starting. It is led by a chair who does not work with your family.",
                        "You should get the social worker's report before the meeting, with "
                        "time to read it. You can bring someone with you, and you can ask to "
                        "speak to the chair on your own first.",
                    ),
                ),
                (
                    "details",
                    {
                        "summary": "Who will be at the conference?",
                        "body": p(
                            "Usually the social worker, people from your child's school or "
                            "nursery, a health visitor or school nurse, and sometimes the "
                            "police. You and anyone supporting you are part of the meeting too."
                        ),
                    },
                ),
            ],
        },
        {
            "heading": "The child protection plan",
            "summary": "If there is a plan, it says what needs to change and who will help.",
            "body": [
                (
                    "paragraph",
                    p(
                        "A small group, called the core group, meets within 10 working days "
                        "to put the plan into action. You are part of the core group.",
                        "There is a review conference within three months, and then at least "
                        "every six months, until the plan is no longer needed.",
                    ),
                ),
            ],
        },
        {
            "heading": "A letter before proceedings",
            "summary": "If the worries continue, you may get a letter saying children's "
            "services are thinking about going to court.",
            "body": [
                (
                    "warning_text",
                    {
                        "text": "Do not ignore this letter. Take it to a family law solicitor "
                        "straight away."
                    },
                ),
                (
                    "paragraph",
                    p(
                        "The letter invites you to a meeting. Legal advice for this meeting is "
                        "free for parents, whatever your income. The meeting is a chance to "
                        "agree what will happen so that court is not needed."
                    ),
                ),
            ],
        },
        {
            "heading": "A family group conference",
            "logic": "or",
            "summary": "Your family and friends can meet to make their own plan.",
            "body": [
                (
                    "paragraph",
                    p(
                        "A family group conference brings together the people who care about "
                        "your children. An independent coordinator helps you make a plan to "
                        "keep them safe, which children's services then look at."
                    ),
                ),
            ],
        },
        {
            "heading": "Care proceedings in court",
            "summary": "A judge decides what is best for your child.",
            "body": [
                (
                    "paragraph",
                    p(
                        "If children's services apply to court, you will get free legal aid "
                        "for a solicitor. Your child will have a children's guardian, who is "
                        "independent and tells the court what they think is best for your child.",
                        "Courts aim to decide within 26 weeks. During that time the judge can "
                        "make short-term decisions about where your child lives.",
                    ),
                ),
                (
                    "glossary_term",
                    {
                        "term": "legal aid",
                        "explanation": p(
                            "Legal aid means the government pays for your solicitor. When "
                            "children's services take you to court about your child, you get "
                            "it whatever your income."
                        ),
                    },
                ),
                (
                    "download",
                    {
                        "document": leaflet_id,
                        "title": "Your rights as a parent",
                        "description": "Your rights, on one page",
                    },
                ),
            ],
        },
        {
            "heading": "The court's decision",
            "summary": "What the judge can decide, and what happens after.",
            "body": [
                (
                    "paragraph",
                    p("The judge can decide:")
                    + ul(
                        "that no order is needed",
                        "that your child lives at home with support from a social worker",
                        "that your child lives with a relative or friend",
                        "that your child is looked after by the council",
                    )
                    + p("Your solicitor will explain the decision, and whether you can appeal."),
                ),
                (
                    "glossary_term",
                    {
                        "term": "looked after by the council",
                        "explanation": p(
                            "Your child lives with foster carers, in a children's home or with "
                            "someone else the council chooses, and the council shares parental "
                            "responsibility with you. You are still your child's parent, and "
                            "the council must keep working with you."
                        ),
                    },
                ),
                (
                    "glossary_term",
                    {
                        "term": "appeal",
                        "explanation": p(
                            "To appeal is to ask a higher court to look again at a decision "
                            "because you think the judge got it wrong. There are short time "
                            "limits, so talk to your solicitor straight away."
                        ),
                    },
                ),
            ],
        },
    ]


EASY_READ_SUMMARY = (
    "The child protection guide in Easy Read: short sentences with a picture for each idea."
)


def easy_read_steps(pictures):
    def row(key, text):
        return (
            "easy_read_row",
            {
                "image": {"image": pictures[key], "alt_text": "", "decorative": True},
                "text": text,
            },
        )

    return [
        {
            "heading": "A social worker gets in touch",
            "body": [
                row(
                    "social-worker",
                    "Someone is worried about a child. A social worker will talk to you.",
                ),
                row("talking", "You can ask why they are worried. They must tell you."),
            ],
        },
        {
            "heading": "Getting help",
            "body": [
                row("support", "You can have someone with you to help. This can be an advocate."),
                row("talking", "An advocate helps you say what you want to say."),
            ],
        },
        {
            "heading": "The meeting",
            "body": [
                row("letter", "You will get a letter about a meeting. It is called a conference."),
                row("meeting", "At the meeting people talk about how to keep your child safe."),
                row("talking", "You can say what you think. Your views are important."),
            ],
        },
        {
            "heading": "The plan",
            "body": [
                row("plan", "There may be a plan. The plan says what needs to change."),
                row("calendar", "The plan is checked again after 3 months."),
            ],
        },
        {
            "heading": "Court",
            "body": [
                row("court", "Sometimes a judge has to decide. This happens in a court."),
                row("solicitor", "You will get a solicitor for free. A solicitor is a lawyer."),
            ],
        },
    ]


PARTICIPATION_SUMMARY = (
    "How we make sure that when you take part, your voice is heard and makes a difference: "
    "a safe place to speak, help to say what you think, the right people listening, and "
    "something done about it."
)


def participation_steps():
    return [
        {
            "heading": "Space: a safe place to take part",
            "summary": "Somewhere you feel safe and welcome, that you can get to.",
            "body": [
                (
                    "paragraph",
                    p("Before a session we check:")
                    + ul(
                        "the venue is accessible, friendly and quiet enough",
                        "you have been asked how you want us to keep in touch",
                        "information comes in a format you can use, such as Easy Read",
                        "parents from different backgrounds have had the chance to come",
                    ),
                ),
            ],
        },
        {
            "heading": "Voice: the help you need to say what you think",
            "summary": "Enough information, time and choice to form your own view.",
            "body": [
                (
                    "paragraph",
                    p(
                        "We share what you need to know in good time. We use activities that "
                        "make it easier to speak up, and there is always another way to give "
                        "your view if you do not want to speak in a group."
                    ),
                ),
            ],
        },
        {
            "heading": "Audience: the right people listen",
            "summary": "Your views reach the people who can make decisions.",
            "body": [
                (
                    "paragraph",
                    p(
                        "We tell you who will hear your views and what happens next. Where we "
                        "can, the people who make decisions come and listen to you themselves."
                    ),
                ),
            ],
        },
        {
            "heading": "Influence: your views change things",
            "summary": "We act on what you say, and tell you what changed and what did not.",
            "body": [
                (
                    "paragraph",
                    p(
                        "After every piece of work we report back. We say what changed because "
                        "of you, what could not change, and why. You can read these reports in "
                        "our 'You said, we did' stories."
                    ),
                ),
            ],
        },
    ]


# -- Ordinary pages -------------------------------------------------------------------------

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": "About the partnership",
        "intro": "Parents, carers and children's services working as equals to make support "
        "better for families.",
        "menu": True,
        "body": [
            (
                "paragraph",
                p(
                    "The partnership started when a group of parents who had been through "
                    "child protection asked to help change it. They now work with social "
                    "workers, conference chairs and managers on the things that matter to "
                    "families.",
                    "Parents in the group are paid for their time and get support and "
                    "training. Nothing we publish on this site goes live until parents in the "
                    "group have read and approved it.",
                ),
            ),
            ("inset_text", {"text": p("Nothing about you without you.")}),
        ],
    },
    {
        "slug": "what-is-co-production",
        "title": "What co-production means",
        "intro": "Co-production means sharing power: people who use a service have an equal say "
        "in how it is designed, delivered and checked.",
        "menu": False,
        "body": [
            (
                "paragraph",
                "<h2>What co-production is</h2>"
                + p(
                    "It is working together as equals, valuing what each person knows, and "
                    "making a plan together to bring about change. It goes further than "
                    "consultation, where people are asked for their views but someone else "
                    "decides."
                )
                + "<h2>What co-production is not</h2>"
                + ul(
                    "It is not a box to tick",
                    "It does not mean everyone does the same amount of work",
                    "It does not mean there are no rules or no one leads",
                    "It does not mean you have to be involved from start to finish",
                    "It is not the same as consultation",
                ),
            ),
        ],
    },
    {
        "slug": "forums-and-groups",
        "title": "Forums and groups",
        "intro": "Groups where parents and carers meet, support each other and shape services.",
        "menu": False,
        "body": [
            (
                "paragraph",
                "<h2>The parents' group</h2>"
                + p(
                    "Parents with experience of child protection meet every month to work on "
                    "changes to services, check new leaflets and train staff."
                )
                + "<h2>The dads' group</h2>"
                + p(
                    "A weekly group for fathers and male carers, run with a dad who has been "
                    "through the system himself."
                )
                + "<h2>The support café</h2>"
                + p(
                    "A relaxed drop-in with a cuppa, where you can talk to other parents and "
                    "get advice. No need to book."
                ),
            ),
        ],
    },
    {
        "slug": "contact",
        "title": "Contact us",
        "intro": "Talk to the partnership: we can help you find information, support or an "
        "advocate.",
        "menu": False,
        "body": [
            (
                "paragraph",
                p(
                    'Phone <a href="tel:03000000000">0300 000 0000</a>, '
                    "Monday to Friday, 9am to 5pm.",
                    'Email <a href="mailto:partnership@example.org">partnership@example.org</a>. '
                    "We reply within 2 working days.",
                ),
            ),
            (
                "warning_text",
                {
                    "text": "If a child is in danger right now, call 999. This service cannot "
                    "respond to emergencies."
                },
            ),
        ],
    },
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "intro": "How well this website works for disabled people, what does not work well "
        "yet, and how to tell us about a problem.",
        "menu": False,
        "body": [
            (
                "paragraph",
                p(
                    "This statement is about the Kingsbrook Parent Partnership website. "
                    "Kingsbrook children's services run it together with our parents' group.",
                    "We want everyone to be able to use it. For example, you should be able to:",
                )
                + ul(
                    "zoom in up to 400% without the text spilling off the screen",
                    "use the whole website with a keyboard alone, or with speech recognition",
                    "listen to every page with a screen reader",
                    "read the main pages in Welsh, Polish or Urdu, and the guide to child "
                    "protection in Easy Read",
                    "leave the website quickly with the 'Exit this page' button, or by pressing "
                    "the Shift key 3 times",
                )
                + "<h2>What does not work well yet</h2>"
                + ul(
                    "The PDF leaflets are not tagged, so a screen reader may not read them in "
                    "the right order. Everything in them is also on a web page.",
                    "Some pages are only in English. They say so in your language before you "
                    "open them.",
                )
                + "<h2>If you need information in a different format</h2>"
                + p(
                    "Ask us if you need something on this website in another format, such as "
                    "large print, Easy Read, an audio recording, braille or another language:"
                )
                + ul(
                    'phone <a href="tel:03000000000">0300 000 0000</a>, Monday to Friday, '
                    "9am to 5pm",
                    'email <a href="mailto:partnership@example.org">partnership@example.org</a>',
                )
                + p("We will reply within 5 working days.")
                + "<h2>Telling us about a problem</h2>"
                + p(
                    "If part of this website does not work for you, or you think it does not "
                    "meet the accessibility rules, please tell us by phone or email. Say which "
                    "page it was and what went wrong."
                )
                + "<h2>If you are not happy with our answer</h2>"
                + p(
                    "The Equality and Human Rights Commission makes sure that public bodies "
                    "follow the accessibility rules for websites. If you are not happy with how "
                    "we answer a complaint about accessibility, contact the "
                    '<a href="https://www.equalityadvisoryservice.com/">Equality Advisory and '
                    "Support Service</a>."
                )
                + "<h2>Technical information</h2>"
                + p(
                    "Kingsbrook children's services are committed to making this website "
                    "accessible, as the Public Sector Bodies (Websites and Mobile Applications) "
                    "(No. 2) Accessibility Regulations 2018 require.",
                    "This website is partly compliant with the Web Content Accessibility "
                    "Guidelines (WCAG) version 2.2, level AA, because of the leaflets below.",
                )
                + "<h3>Content that is not accessible</h3>"
                + p(
                    "The PDF leaflets have no tags, no title and do not say what language they "
                    "are in. Assistive technology cannot tell their headings from their "
                    "paragraphs (WCAG 1.3.1, info and relationships), name them (WCAG 2.4.2, "
                    "page titled) or tell which language to read them in (WCAG 3.1.1, language "
                    "of page). We will replace them with tagged leaflets when we next update "
                    "them. Until then, the same information is on the parent rights charter and "
                    "in the guide to child protection."
                )
                + "<h2>How we tested this website</h2>"
                + p(
                    "Each time the website's code changes, automated tests check it in a "
                    "browser. They run axe-core on every kind of page in English and on some "
                    "pages in Welsh, Polish and Urdu. They also use pages with the keyboard "
                    "alone, on a small phone screen, with the text twice as big and with the "
                    "screen 320 pixels wide.",
                    "Parents in our group read every new page before it goes live. We have not "
                    "yet had the website tested by disabled people using their own assistive "
                    "technology.",
                )
                + "<h2>Preparation of this statement</h2>"
                + p(
                    "We prepared this statement on 1 December 2026. We will look at it again at "
                    "least once a year, and whenever the website changes a lot."
                ),
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "intro": "This website sets no cookies and does not track you.",
        "menu": False,
        "body": [
            (
                "paragraph",
                p(
                    "We do not use analytics, advertising or social media trackers, and "
                    "nothing on these pages loads from other websites. The 'Exit this page' "
                    "button takes you to a weather website straight away.",
                    "Searches are counted to help us improve the site, but we do not keep "
                    "anything that could identify you.",
                ),
            ),
        ],
    },
    cover_your_tracks.PAGE,
]

# -- Venues and events ----------------------------------------------------------------------

VENUES = [
    {
        "name": "Riverside Family Hub",
        "address": "Family Hub, Mill Lane\nKingsbrook",
        "postcode": "KB1 1AA",
        "how_to_get_there": "Buses 4 and 12 stop outside. The train station is a 10 minute "
        "walk along the river path, which is flat.",
        "step_free_access": "yes",
        "step_free_details": "Level entrance with automatic doors. Lift to the first floor.",
        "accessible_toilet": "yes",
        "changing_places": "yes",
        "hearing_loop": "yes",
        "bsl_on_request": "yes",
        "quiet_space": "yes",
        "accessible_parking_bays": 4,
        "accessible_parking_distance": 20,
        "parking_details": "Free car park behind the building.",
        "childcare": "yes",
        "childcare_details": "Free crèche for children under 8. Please tell us when you book.",
        "travel_costs_help": "yes",
        "refreshments": "yes",
        "how_to_ask_for_adjustments": "Call or email the partnership at least 3 days before "
        "and tell us what would help.",
        "access_notes": "The meeting room has natural light and can be made quieter.",
    },
    {
        "name": "Northgate Community Centre",
        "address": "Community Centre, Northgate Road\nKingsbrook",
        "postcode": "KB2 4BB",
        "how_to_get_there": "Bus 7 stops on Northgate Road. There is a cycle rack by the door.",
        "step_free_access": "yes",
        "step_free_details": "Ramp to the side entrance, 1 in 12 slope, with handrails.",
        "accessible_toilet": "yes",
        "changing_places": "no",
        "hearing_loop": "no",
        "bsl_on_request": "yes",
        "quiet_space": "yes",
        "accessible_parking_bays": 2,
        "accessible_parking_distance": 45,
        "parking_details": "Small car park, often full on weekday mornings.",
        "childcare": "no",
        "travel_costs_help": "yes",
        "refreshments": "yes",
        "how_to_ask_for_adjustments": "Ask the group leader, or contact the partnership.",
    },
    {
        "name": "Kingsbrook Central Library",
        "address": "Central Library, Market Square\nKingsbrook",
        "postcode": "KB1 2CC",
        "how_to_get_there": "In the town centre. All town buses stop at Market Square.",
        "step_free_access": "yes",
        "step_free_details": "Step-free main entrance. Meeting room 2 is on the ground floor.",
        "accessible_toilet": "yes",
        "changing_places": "no",
        "hearing_loop": "yes",
        "bsl_on_request": "yes",
        "quiet_space": "no",
        "parking_details": "No car park. The nearest is the Market Street car park, with "
        "accessible bays, about 200 metres away.",
        "childcare": "no",
        "travel_costs_help": "yes",
        "refreshments": "yes",
        "how_to_ask_for_adjustments": "Contact the partnership by phone or email.",
    },
    {
        "name": "Greenfields Children's Centre",
        "address": "Children's Centre, Orchard Way\nGreenfields\nKingsbrook",
        "postcode": "KB5 6DD",
        "how_to_get_there": "Bus 21 from the town centre every 30 minutes. Ask for Orchard Way.",
        "step_free_access": "yes",
        "accessible_toilet": "yes",
        "changing_places": "",
        "hearing_loop": "",
        "bsl_on_request": "yes",
        "quiet_space": "yes",
        "accessible_parking_bays": 3,
        "accessible_parking_distance": 15,
        "childcare": "yes",
        "childcare_details": "Play area with staff, so you can talk while children play.",
        "travel_costs_help": "no",
        "refreshments": "yes",
        "how_to_ask_for_adjustments": "Tell the café team on the day, or contact us before.",
    },
]

EVENT_WELCOME = p(
    "Everyone is welcome, whether you are new or have been coming for a long time. You do not "
    "have to speak if you would rather listen."
)

JOINING_ONLINE = (
    "We will email you a link the day before. You can join on a phone, tablet or computer. "
    "You do not need to turn your camera on. If you have not used video calls before, we can "
    "call you beforehand to help."
)

# (slug, title, summary, days from today, start hour, hours long, attendance, venue index,
#  cost, places, tags)
EVENTS = [
    (
        "parents-forum-" + "next",
        "Parents' forum",
        "Our monthly meeting, open to any parent or "
        "carer who has had support from children's services.",
        9,
        10,
        2,
        "in_person",
        0,
        "Free",
        20,
        ["co-production", "support"],
    ),
    (
        "dads-group",
        "Dads' group",
        "A relaxed evening for fathers and male carers, with food.",
        12,
        18,
        2,
        "in_person",
        1,
        "Free",
        12,
        ["fathers", "support"],
    ),
    (
        "have-your-say-conference-leaflet",
        "Have your say: the new conference leaflet",
        "Help us check a new leaflet about child protection conferences before it is printed.",
        16,
        13,
        1,
        "online",
        None,
        "Free",
        15,
        ["child protection", "co-production"],
    ),
    (
        "support-cafe",
        "Support café",
        "Drop in for a cuppa, a chat and advice from parents who have been there.",
        20,
        10,
        3,
        "in_person",
        3,
        "Free",
        None,
        ["support"],
    ),
    (
        "working-together-as-equals",
        "Working together as equals: training for parents",
        "A morning of training for parents who want to join a panel or interview staff.",
        38,
        10,
        3,
        "both",
        2,
        "Free, and we pay you £30 for your time",
        16,
        ["co-production"],
    ),
    (
        "rights-charter-launch",
        "Launch of the parent rights charter",
        "Parents and staff celebrated the new charter and talked about what comes next.",
        -40,
        14,
        2,
        "in_person",
        0,
        "Free",
        None,
        ["co-production"],
    ),
    (
        "reviewing-care-proceedings-guide",
        "Reviewing the care proceedings guide together",
        "Parents read the draft guide to care proceedings and told us what to change.",
        -75,
        10,
        2,
        "online",
        None,
        "Free",
        None,
        ["care proceedings", "co-production"],
    ),
]

# The type of each event (EventPage.Kind), by slug, for the events list's filter.
EVENT_KINDS = {
    "parents-forum-next": "forum",
    "dads-group": "group",
    "have-your-say-conference-leaflet": "have_your_say",
    "support-cafe": "group",
    "working-together-as-equals": "training",
    "rights-charter-launch": "other",
    "reviewing-care-proceedings-guide": "have_your_say",
}

# -- Stories --------------------------------------------------------------------------------

# (slug, title, said, said_by, months ago, what we did, status, reason, updates, promises, tags)
STORIES = [
    (
        "reports-before-conferences",
        "Reports now arrive before conferences",
        "We often got the social worker's report the night before the conference, or in the "
        "room. There was no time to read it or to get advice.",
        "the parents' group",
        14,
        p(
            "Conference reports are now shared with parents at least 3 working days before the "
            "meeting. Chairs check this at the start of every conference and can move the "
            "meeting if a parent has not had time to read the report."
        ),
        "done",
        "",
        [
            (-10, "New rule agreed by the conference chairs."),
            (-6, "Checked in 40 conferences: the report was on time in 37."),
        ],
        [("Communication", 0), ("Trust", 0)],
        ["child protection", "conferences"],
    ),
    (
        "conference-video",
        "A short video about your first conference",
        "Nobody explained what a conference would be like. A video would help parents know what "
        "to expect before they walk in.",
        "the parents' group",
        18,
        p(
            "Parents wrote and appeared in a short video that explains the first child protection "
            "conference. It is sent with every invitation letter."
        ),
        "done",
        "",
        [(-12, "Filming finished."), (-9, "The video went out with invitation letters.")],
        [("Communication", 2)],
        ["child protection", "conferences"],
    ),
    (
        "letters-to-dads",
        "Letters and invitations go to both parents",
        "Letters only ever went to mums. Dads were left out of meetings about their own children.",
        "the dads' group",
        8,
        p(
            "We are changing our systems so that letters and invitations go to every parent with "
            "parental responsibility, and training staff to include fathers from the start."
        ),
        "in_progress",
        "",
        [(-5, "The new letter templates are written."), (-1, "Staff training started.")],
        [("Equal partnership", 0)],
        ["fathers"],
    ),
    (
        "confidential-information",
        "Less time outside the room at conferences",
        "When confidential information came up, parents were sent out of the room, sometimes "
        "for a long time. It felt like we were being talked about behind our backs.",
        "the parents' group",
        10,
        p(
            "Chairs now go through confidential information before the conference and share what "
            "they can with parents in the room. When something cannot be shared, the meeting is "
            "planned so that parents are outside for as little time as possible."
        ),
        "in_progress",
        "",
        [(-4, "New guidance for chairs agreed.")],
        [("Trust", 0), ("Communication", 1)],
        ["conferences"],
    ),
    (
        "support-cafe-north",
        "A support café in the north of the county",
        "The support café is too far away for families in the north. The bus takes over an hour.",
        "The support café",
        3,
        p(
            "We have found a community centre in the north that can host a second café once a "
            "month. We are looking for parent volunteers to help run it."
        ),
        "planned",
        "",
        [],
        [("Equal partnership", 0)],
        ["support"],
    ),
    (
        "evening-conferences",
        "Child protection conferences in the evening",
        "Working parents lose pay to go to conferences in the day. Could they be held in the "
        "evening?",
        "the parents' forum",
        6,
        p("We looked at holding conferences in the evening with the people who need to be there."),
        "not_possible",
        "Many of the people who must be at a conference, such as teachers, health visitors and "
        "the police, cannot come in the evening, and a conference cannot go ahead without them. "
        "Instead, conferences can now start as late as 4pm, and you can join by video call if "
        "that helps you keep working.",
        [(-2, "Later start times now available.")],
        [("Communication", 1)],
        ["conferences"],
    ),
    (
        "care-proceedings-guide",
        "A plain-words guide to care proceedings",
        "The information we were given was full of legal words. We want a guide written by "
        "parents who have been through it.",
        "the parents' group",
        20,
        p(
            "Parents and staff wrote the step-by-step guide to child protection and care "
            "proceedings on this website together, with an Easy Read version and a leaflet."
        ),
        "done",
        "",
        [
            (-14, "Parents chose the words, the pictures and the colours of the leaflet."),
            (-11, "The guide went live."),
        ],
        [("Communication", 2), ("Equal partnership", 1)],
        ["care proceedings", "easy read", "co-production"],
    ),
]

LEAFLETS = {
    "rights-leaflet": (
        "Your rights as a parent (leaflet)",
        [
            "You have the right to be treated with respect.",
            "You have the right to understand what is happening and why. Ask for things to be "
            "explained again, for an interpreter, or for Easy Read.",
            "You have the right to have your views written down properly.",
            "You have the right to bring someone with you to meetings.",
            "You have the right to complain, and to get an answer.",
            "Kingsbrook Parent Partnership. Phone 0300 000 0000.",
        ],
    ),
    "conference-leaflet": (
        "Your first child protection conference (leaflet)",
        [
            "A conference is a meeting about keeping your child safe. You are part of it.",
            "You should get a report before the meeting. You can bring someone with you.",
            "You can ask to speak to the chair on your own before the meeting starts.",
            "Kingsbrook Parent Partnership. Phone 0300 000 0000.",
        ],
    ),
}

# -- Search: words parents use, and best bets -----------------------------------------------

SEARCH_SYNONYMS = [
    # What parents type for what a venue offers (events.models.EventPage.venue_access).
    ("step-free access\nwheelchair\nramp", "Venues list step-free access."),
    ("crèche\ncreche\nchildcare\nchild care", "Venues list a crèche or childcare."),
    ("hearing loop\nhearing aid", "Venues list a hearing loop."),
    ("social worker\nchildren's services", "Parents often name the person, not the service."),
    ("court\ncare proceedings", "Families say court; letters say care proceedings."),
    ("conference\nmeeting", "A child protection conference is a meeting."),
    ("advocate\nsomeone to speak for me", "How parents describe an advocate."),
    # Everyday words parents type, each group led by the words of the guide's title
    # (search/views.py puts pages whose title has a synonym near the top).
    (
        "care proceedings\nremoved\ntaken into care\nkids taken away\nchildren taken away\n"
        "take my kids\nbaby taken\ncare order",
        "What parents fear and type, for the court part of the guide.",
    ),
    (
        "child protection\nsocial worker at my door\nsocial worker came\nsection 47\nsafeguarding",
        "The first visit, as parents describe it.",
    ),
    (
        "care proceedings\nfoster\nfoster care\nlooked after",
        "Where children go; parents say foster.",
    ),
    ("solicitor\nlawyer\nlegal aid", "Parents say lawyer; the guide says solicitor."),
    # The word "conference" in every hub language, so that "conferance" (corrected to
    # "conference") finds the conference guide in each language's hub.
    (
        "conference\nkonferencja\nkonferencje\ncynhadledd\ncynadleddau\nکانفرنس\nکانفرنسیں",
        "Conference, conferences in Polish, Welsh and Urdu.",
    ),
    # Welsh
    (
        "achosion gofal\nplant wedi'u cymryd\nplant wedi eu cymryd\ngofal maeth\nmaethu",
        "Welsh: children taken away, foster care.",
    ),
    ("amddiffyn plant\ngweithiwr cymdeithasol", "Welsh: child protection, social worker."),
    # Polish
    (
        "postępowanie sądowe\nodebranie dzieci\nodebrali dzieci\nzabrali dzieci\n"
        "rodzina zastępcza\npiecza zastępcza",
        "Polish: children taken away, foster family, foster care.",
    ),
    ("ochrona dziecka\npracownik socjalny", "Polish: child protection, social worker."),
    # Urdu
    (
        "نگہداشت کی عدالتی کارروائی\nبچے لے گئے\nبچے چھین لیے\nفوسٹر\nفوسٹر کیئر",
        "Urdu: children taken away, foster care.",
    ),
    ("بچوں کا تحفظ\nسوشل ورکر", "Urdu: child protection, social worker."),
]
# (what people search for, the page's slug under the home page, why it is the best answer)
BEST_BETS = [
    ("complain", "parent-rights-charter", "How to complain, and when you should hear back."),
    ("complaint", "parent-rights-charter", "How to complain, and when you should hear back."),
    ("rights", "parent-rights-charter", "What you can expect from everyone who works with you."),
]

# Topic (tag) names in the demo languages: (English name, Welsh, Polish, Urdu).
TOPIC_NAMES = [
    (
        "care proceedings",
        "achosion gofal",
        "postępowanie w sprawie opieki",
        "نگہداشت کی عدالتی کارروائی",
    ),
    ("child protection", "amddiffyn plant", "ochrona dzieci", "بچوں کا تحفظ"),
    ("co-production", "cydgynhyrchu", "współtworzenie", "مل کر کام کرنا"),
    ("conferences", "cynadleddau", "konferencje", "کانفرنسیں"),
    ("easy read", "hawdd ei ddeall", "tekst łatwy do czytania", "آسان زبان"),
    ("fathers", "tadau", "ojcowie", "والد"),
    ("support", "cymorth", "wsparcie", "مدد"),
]
