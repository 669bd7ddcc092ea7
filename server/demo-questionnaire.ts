/**
 * Seed 002's Parkinson's questionnaire (study DEMO3: five questions, two consents, its UI config), as
 * saveQuestionnaireDraft takes it, with Swedish and Arabic texts beside the seed's English. The eligibility
 * criteria are ours (the seed shows none): 18 or older, diagnosed, neither wheelchair bound nor bedridden, on a
 * levodopa medication.
 */
const en = (text: string) => [{ locale: "en-US", text }];
const texts = (english: string, swedish: string, arabic: string) => [
  { locale: "en-US", text: english },
  { locale: "sv-SE", text: swedish },
  { locale: "ar", text: arabic },
];

const DATA_CONSENT_TEXT = `I consent to and give permission to Trialbee to process and use my personal data on behalf of Generica Ltd as the data controller for my personal data, including my Identity Data, Contact Data, and Health Data as described in the [privacy policy](https://trialbee.com/privacy-policy/), for the purposes of completing my registration request and to consider whether I am eligible/suitable for participating in a clinical research study, related to a clinical investigation, or clinical support program sponsored by Generica Ltd.

I understand that my personal data may be shared with healthcare providers and medical researchers involved in the pre-screening process.

I understand that I have the right to withdraw my consent at any time. Upon withdrawal, Trialbee will cease processing my personal data and will delete or anonymize my data in accordance with applicable laws and regulations.
`;

const LEAD_CONSENT_TEXT = `I consent to and give permission to Trialbee to process and use my personal data on behalf of Generica Ltd as the data controller for my personal data, including my Identity Data, Contact Data, and Health Data, for the purposes of considering my suitability for future clinical trials sponsored by Generica Ltd.

I understand that I have the right to withdraw my consent at any time using the link in the welcome email received upon registration.
`;

export const DEMO_STUDY_ID = "DEMO3";

export const DEMO_QUESTIONNAIRE = {
  publicStudyName: texts("Genericazeram Demo", "Genericazeram Demo", "عرض جينيريكازيرام"),
  fallbackLocale: "en-US",
  locales: [
    { tag: "en-US", direction: "LTR" as const },
    { tag: "sv-SE", direction: "LTR" as const },
    { tag: "ar", direction: "RTL" as const },
  ],
  questions: [
    {
      key: "dob",
      type: "DATEOFBIRTH" as const,
      text: texts(
        "What is your year of birth? This will allow us to calculate your age.",
        "Vilket år är du född? Då kan vi räkna ut din ålder.",
        "ما هي سنة ميلادك؟ سيسمح لنا ذلك بحساب عمرك.",
      ),
      dateFormat: "yyyy",
      criteria: { min: 18 },
    },
    {
      key: "diagnosis",
      type: "YESNO" as const,
      text: texts(
        "Do you have a doctor’s diagnosis of Parkinson’s disease?",
        "Har du fått diagnosen Parkinsons sjukdom av en läkare?",
        "هل لديك تشخيص طبي بمرض باركنسون؟",
      ),
      criteria: { oneOf: ["true"] },
    },
    {
      key: "wheelchair_bedridden",
      type: "RADIOBUTTON" as const,
      text: en("Do your Parkinson’s symptoms cause you to be wheelchair bound or bedridden?"),
      items: [
        { key: "wheelchair", label: en("Yes, wheelchair bound") },
        { key: "bedridden", label: en("Yes, bedridden") },
        { key: "neither", label: en("Neither of these") },
      ],
      visibleIf: "answer.diagnosis == 'true'",
      criteria: { oneOf: ["neither"] },
    },
    {
      key: "stiffness_shaking",
      type: "SCALE" as const,
      text: en("Please rate the severity of your symptoms from Parkinson's disease. "),
      items: [
        { key: "1", label: en("Very low") },
        { key: "5", label: en("Very high") },
      ],
      visibleIf: "answer.diagnosis == 'true'",
    },
    {
      key: "levodopa_meds",
      type: "CHECKBOX" as const,
      text: en("Are you currently taking any of the following levodopa medication for Parkinson’s?"),
      description: en("Please select all that you are taking."),
      items: [
        { key: "sinemet", label: en("Sinemet") },
        { key: "sinemet_cr", label: en("Sinemet CR") },
        { key: "rytary", label: en("Rytary") },
        { key: "inbrija", label: en("Inbrija") },
        { key: "stelavo", label: en("Stalevo") },
        { key: "none", label: en("None of these"), unique: true },
      ],
      visibleIf: "answer.diagnosis == 'true'",
      criteria: { noneOf: ["none"] },
    },
  ],
  consentQuestions: [
    {
      key: "data_consent",
      type: "DATACONSENT" as const,
      text: en(
        "MANDATORY. I consent to and give permission for Trialbee on behalf of Generica Ltd to process my personal data including the health information that I have given. For more information, view our privacy policy and the full consent. ",
      ),
      description: en(DATA_CONSENT_TEXT),
    },
    {
      key: "lead_consent",
      type: "LEADCONSENT" as const,
      text: en(
        "OPTIONAL. I consent to Trialbee processing my personal and health data for Generica Ltd to contact me regarding future studies I may be suitable for. ",
      ),
      description: en(LEAD_CONSENT_TEXT),
    },
  ],
  config: {
    welcomeImage: null,
    colorMain: "#146b98",
    colorLight: "#f8f7f3",
    fontInclude: null,
    fontFamily: null,
    messages: { "ContactDetails.PostalCode": "Zip code" },
    contactForm: [
      { name: "name", type: "name", isDefault: true },
      { name: "email", type: "email", confirm: false, isDefault: true },
      { name: "phone", type: "phone", isDefault: true },
      { name: "postalCode", type: "postalCode", isDefault: true },
      {
        name: "preferredContactHours",
        type: "select",
        options: ["8-20", "8-12", "12-16", "16-20"],
        isDefault: false,
        defaultValue: "8-20",
      },
      {
        name: "preferredContactWay",
        type: "select",
        options: ["Phone call", "SMS", "Email", "WhatsApp"],
        isDefault: false,
        defaultValue: "Phone call",
      },
    ],
    steps: ["questionnaire", "siteSelector", "contactDetails", "completed"],
    autoScroll: true,
    customPages: {
      completed: {
        title: "Registration completed! ",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the widget fills in ${email}, as the seed writes it
        text: "Thank you for your interest. An email has been sent to ${email}. You will be contacted by the study medical team shortly to further assess your eligibility and potential study participation.",
        subText: "Should you have any questions or concerns, please email us at support@trialbee.com. ",
        buttonText: null,
        buttonAction: null,
      },
      leave: {
        title: "Are you sure you want to leave?",
        text: "Any information you have entered in this self-assessment will not be saved.",
        subText: null,
        buttonText: null,
        buttonAction: null,
      },
      ineligible: {
        title: "Thank you for taking the time to learn about this study and answering our questions. ",
        text: "Unfortunately, one or more of your responses indicates that you do not meet the requirements to take part in the study, at this time.\n\nDo you want to sign up for future studies you may be suitable for? Sign up below!",
        subText: null,
        buttonText: "Sign up for future studies!",
      },
    },
  },
  messages: {
    "en-US": {
      "ClinicForm.FindNearestClinic": "Find nearest clinic",
      "ClinicForm.SelectClinic":
        "Select a preferred clinic you would like to visit if you were to take part in the study",
    },
  },
};
