#include "selfdescriptiondetector.h"

#include "detectortext.h"

#include <QRegularExpression>

namespace {

QStringList wordsOf(const char *list)
{
    return QString::fromUtf8(list).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

// Demonyms and ethnicities (iso-codes has no demonyms).
const char origins[] =
    "afghan,african,african american,albanian,algerian,american,arab,arabic,argentine,argentinian,armenian,asian,"
    "asian american,australian,austrian,bangladeshi,belgian,black,bolivian,bosnian,brazilian,british,bulgarian,"
    "cambodian,cameroonian,canadian,caribbean,caucasian,chicano,chicana,chilean,chinese,colombian,congolese,"
    "costa rican,croatian,cuban,czech,danish,dominican,dutch,ecuadorian,egyptian,english,eritrean,estonian,"
    "ethiopian,european,filipino,filipina,finnish,french,german,ghanaian,greek,guatemalan,haitian,hispanic,"
    "hmong,honduran,hungarian,icelandic,indian,indigenous,indonesian,iranian,iraqi,irish,israeli,italian,jamaican,"
    "japanese,jewish,jordanian,kenyan,korean,kurdish,lao,laotian,latin american,latina,latino,latinx,latvian,"
    "lebanese,libyan,lithuanian,malaysian,maori,mexican,middle eastern,mixed race,moroccan,native american,"
    "navajo,nepali,nepalese,nigerian,norwegian,pacific islander,pakistani,palestinian,panamanian,persian,"
    "peruvian,polish,portuguese,puerto rican,romanian,russian,salvadoran,samoan,saudi,scottish,senegalese,"
    "serbian,sikh,singaporean,slovak,slovenian,somali,south african,spanish,sri lankan,sudanese,swedish,swiss,"
    "syrian,taiwanese,thai,tibetan,tongan,tunisian,turkish,ugandan,ukrainian,uruguayan,venezuelan,vietnamese,"
    "welsh,white,west indian,yemeni,zimbabwean,biracial,multiracial,brown,pakeha,aboriginal,first nations,inuit,"
    "cherokee,romani,gypsy,muslim,hindu,buddhist,catholic,christian,mormon";

const char genders[] =
    "male,female,woman,man,guy,girl,boy,lady,non-binary,nonbinary,non binary,enby,trans,transgender,trans man,"
    "trans woman,transsexual,gay,lesbian,bisexual,bi,queer,straight,heterosexual,homosexual,asexual,pansexual,"
    "cisgender,cis,cis man,cis woman,genderqueer,genderfluid,gender fluid,agender,intersex,two-spirit,"
    "demisexual,gay man,gay woman,bi man,bi woman,femme,butch,she/her,he/him,they/them,she her,he him,they them,"
    "she/they,he/they";

const char occupations[] =
    "accountant,actor,actress,administrator,analyst,architect,artist,assistant,attorney,auditor,author,baker,"
    "banker,barber,barista,bartender,bookkeeper,bricklayer,builder,bus driver,butcher,carpenter,caregiver,"
    "cashier,chef,chemist,chiropractor,cleaner,clerk,coach,consultant,contractor,cook,counselor,courier,"
    "dancer,data scientist,delivery driver,dental hygienist,dentist,designer,detective,developer,dietitian,"
    "doctor,driver,economist,editor,electrician,engineer,entrepreneur,farmer,firefighter,fireman,fisherman,"
    "flight attendant,florist,gardener,graphic designer,hairdresser,hairstylist,handyman,housekeeper,"
    "homemaker,housewife,inspector,instructor,insurance agent,interpreter,janitor,jeweler,journalist,judge,"
    "landscaper,lawyer,lecturer,librarian,lifeguard,machinist,mail carrier,manager,mechanic,midwife,miner,"
    "model,musician,nanny,nurse,nurse practitioner,optometrist,painter,paralegal,paramedic,pastor,pharmacist,"
    "photographer,physician,physicist,physical therapist,pilot,plumber,police officer,cop,politician,postman,"
    "priest,principal,producer,professor,programmer,psychologist,psychiatrist,rabbi,real estate agent,"
    "realtor,receptionist,reporter,researcher,roofer,sales rep,salesman,saleswoman,scientist,secretary,"
    "security guard,server,sheriff,social worker,software engineer,software developer,soldier,student,surgeon,"
    "surveyor,tailor,teacher,technician,therapist,trader,translator,truck driver,trucker,tutor,veteran,"
    "veterinarian,vet,waiter,waitress,web developer,welder,writer,teaching assistant,paraprofessional,"
    "sergeant,marine,officer,firefighter,nursing assistant,cna,lpn,rn,ems,emt,stocker,warehouse worker,"
    "construction worker,factory worker,machine operator,forklift driver,dispatcher,dental assistant,"
    "medical assistant,pharmacy technician,radiologist,anesthesiologist,cardiologist,veterinary technician,"
    "youtuber,streamer,influencer,freelancer,contractor,landlord,minister,missionary,monk,nun,chaplain,"
    "professor,lecturer,dean,principal,superintendent,mayor,senator,ceo,cfo,cto,founder,owner,business owner,"
    "small business owner,pensioner,retiree";

// Words between the cue and a job title: "I'm a registered nurse", "I'm a retired teacher".
const QString jobModifiers = QStringLiteral(
    "(?:(?:registered|licensed|certified|senior|junior|head|chief|lead|retired|former|freelance|self-employed|"
    "part-time|full-time|part\\s+time|full\\s+time|school|high\\s+school|elementary|middle\\s+school|substitute|"
    "professional|practicing|travel|traveling|night|staff|general|civil|mechanical|electrical|medical|legal|"
    "truck|bus|taxi|uber|lyft|nurse|grad|graduate|college|phd|law|med|nursing|art|music|math|english|science|"
    "history|dental|home|health|care|research|sales|account|project|product|office|store|restaurant|hotel|bank|"
    "construction|software|computer|it|retail)\\s+){0,3}");

struct Lexicon
{
    RedactionKind kind;
    QRegularExpression pattern;   // group 1 is the disclosed word
};

const QList<Lexicon> &lexicons()
{
    static const QList<Lexicon> list{
        {RedactionKind::Origin,
         DetectorText::pattern(QStringLiteral("\\b(?:i'?m|i\\s+am|we'?re|we\\s+are|my\\s+(?:family|heritage|ancestry|background|"
                                              "roots|parents|mom|mum|dad|mother|father)\\s+(?:is|are|was|were)|"
                                              "i\\s+was\\s+born)\\s+"
                                              "(?:(?:also|originally|half|part|proudly|fully|a|an|100%|mostly|partly|of)\\s+)*(")
                               + DetectorText::alternation(wordsOf(origins)) + QStringLiteral(")(?![\\p{L}-])"))},
        {RedactionKind::Origin,
         DetectorText::pattern(QStringLiteral("\\b(") + DetectorText::alternation(wordsOf(origins))
                               + QStringLiteral(")\\s+(?:descent|heritage|ancestry|background|origin|roots|by\\s+birth)\\b"))},
        {RedactionKind::GenderSexuality,
         DetectorText::pattern(QStringLiteral("\\b(?:i'?m|i\\s+am|i\\s+identify\\s+as|identify\\s+as|as|my\\s+pronouns\\s+are|"
                                              "pronouns\\s+are|i\\s+came\\s+out\\s+as|came\\s+out\\s+as)\\s+(?:(?:a|an|also|"
                                              "openly|proudly|just|actually|non|really)\\s+)*(")
                               + DetectorText::alternation(wordsOf(genders))
                               + QStringLiteral(")(?![\\p{L}/-])(?!\\s+(?:of|who|that|in|on|at|for|to|as|up|away|"
                                                "ahead|out)\\b)"))},
        {RedactionKind::Occupation,
         DetectorText::pattern(QStringLiteral("\\b(?:i'?m|i\\s+am|i\\s+was|i\\s+used\\s+to\\s+be|i\\s+work(?:ed)?\\s+as|"
                                              "i'?m\\s+(?:working|employed)\\s+as|my\\s+(?:job|occupation|profession|"
                                              "title)\\s+is|"
                                              "by\\s+profession|retired)(?:\\s+(?:a|an|the))?\\s+(")
                               + jobModifiers + DetectorText::alternation(wordsOf(occupations))
                               + QStringLiteral(")(?![\\p{L}-])"))},
    };
    return list;
}

} // namespace

QList<RedactionKind> SelfDescriptionDetector::kinds() const
{
    return {RedactionKind::Origin, RedactionKind::GenderSexuality, RedactionKind::Occupation};
}

void SelfDescriptionDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted,
                                   RedactionSpans &found) const
{
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (!context.isSpeech(turn))
            continue;
        const QString &text = context.text(turn);
        for (const Lexicon &lexicon : lexicons()) {
            if (!wanted.contains(lexicon.kind))
                continue;
            for (auto it = lexicon.pattern.globalMatch(text); it.hasNext();) {
                const QRegularExpressionMatch match = it.next();
                found.append({turn, match.capturedStart(1), match.capturedEnd(1), lexicon.kind});
            }
        }
    }
}
