// Russian and Ukrainian text: each construction of attribution, status,
// names, quantities, dates and events, on short invented sentences. The
// language is guessed from the script (Ukrainian letters і ї є ґ make it
// "uk"), as `sitrep extract` does.
#include <gtest/gtest.h>

#include <string>

#include "core/tsv.h"
#include "extract/analysis.h"
#include "extract/lexicons.h"
#include "extract/morphology.h"
#include "pipeline/data_paths.h"
#include "sitrep/sitrep.h"
#include "tests/test_util.h"

namespace sitrep {
namespace {

using testing::ExtractText;
using testing::FindClaim;

bool SpeakerHas(const Claim* c, const std::string& part) {
  return c != nullptr && c->speaker && c->speaker->name.find(part) != std::string::npos;
}

const Quantity* FindQuantity(const Extraction& x, double value) {
  for (const Quantity& q : x.quantities) {
    if (q.value == value) return &q;
  }
  return nullptr;
}

// ------------------------------------------------------------ morphology

TEST(Morphology, HunspellGivesRussianAndUkrainianLemmas) {
  auto m = Morphology::Open(DefaultHunspellDir());
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ((*m)->Analyze("сбили", false, Language::kRussian).lemma, "сбить");
  EXPECT_EQ((*m)->Analyze("знищено", false, Language::kUkrainian).lemma, "знищити");
  EXPECT_TRUE((*m)->Analyze("обстрел", true, Language::kRussian).common);
  // A proper noun is known only with its capital.
  WordAnalysis russia = (*m)->Analyze("россии", true, Language::kRussian);
  EXPECT_FALSE(russia.common);
  EXPECT_EQ(russia.lemma, "россия");
}

TEST(Morphology, SnowballStemsRussianOnly) {
  RussianStemmer stemmer;
  EXPECT_EQ(stemmer.Stem("беспилотников"), "беспилотник");
  EXPECT_EQ(stemmer.Stem("drones"), "drones");
}

TEST(Morphology, MissingDictionaryNamesThePackage) {
  auto m = Morphology::Open("/nonexistent-hunspell");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("hunspell-ru"), std::string::npos);
}

// Rows matched on lemmas must be lemmas, or they can never match.
TEST(Morphology, EveryCyrillicSpeechVerbAndTriggerIsItsOwnLemma) {
  auto m = Morphology::Open(DefaultHunspellDir());
  ASSERT_TRUE(m.ok());
  LexiconSources src = LexiconSources::Embedded();
  for (std::string_view table : {src.speech_verbs, src.event_triggers}) {
    for (const TsvRow& r : ParseTsv(table)) {
      std::string_view lang = r.fields.back();
      if (lang != "ru" && lang != "uk") continue;
      Language l = LanguageFromCode(lang);
      for (std::string_view w : SplitList(r.field(table == src.speech_verbs ? 1 : 0), ' ')) {
        if (w == "?" || w.ends_with("*")) continue;
        WordAnalysis a = (*m)->Analyze(w, false, l);
        bool known = a.lemmas.empty();  // unknown words match as written
        for (const std::string& lemma : a.lemmas) known = known || lemma == w;
        EXPECT_TRUE(known) << "line " << r.line << ": '" << w << "' has lemma '" << a.lemma << "'";
      }
    }
  }
}

TEST(Morphology, EnglishTextGetsNoLemmas) {
  auto m = Morphology::Open(DefaultHunspellDir());
  ASSERT_TRUE(m.ok());
  Analysis a("Drones struck the depot.", std::nullopt, testing::TestLexicons(), m->get(), Language::kEnglish);
  EXPECT_FALSE(a.Slavic());
}

// ------------------------------------------------------------ attribution

TEST(RussianAttribution, ZayavilChtoNamesThePersonBeforeTheVerb) {
  auto x = ExtractText("Губернатор Белгородской области Вячеслав Гладков заявил, что в результате обстрела "
                       "ранены двое мирных жителей.");
  const Claim* c = FindClaim(x, "ранены двое");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(SpeakerHas(c, "Гладков"));
  EXPECT_EQ(c->kind, ClaimKind::kReportedSpeech);
  EXPECT_EQ(c->status, ClaimStatus::kAsserted);
  EXPECT_EQ(c->text.find("что"), std::string::npos);  // "что" belongs to the frame
}

TEST(RussianAttribution, TrailingSoobshchaetNamesTheBodyAfterTheVerb) {
  auto x = ExtractText("Силы ПВО за ночь сбили семь украинских беспилотников над Курской областью, "
                       "сообщает Минобороны России.");
  const Claim* c = FindClaim(x, "сбили семь");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(SpeakerHas(c, "Минобороны России"));
  EXPECT_EQ(c->speaker->country, "RUS");
  EXPECT_EQ(c->status, ClaimStatus::kAsserted);
}

TEST(RussianAttribution, DashAfterAQuotationNamesItsSpeaker) {
  auto x = ExtractText("Мэр города Иван Петров приехал на место.\n\n"
                       "«Повреждены три дома и школа, жители эвакуированы», — написал он.");
  const Claim* c = FindClaim(x, "Повреждены три дома");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->kind, ClaimKind::kQuote);
  EXPECT_TRUE(SpeakerHas(c, "Петров"));
}

TEST(RussianAttribution, PoDannymBeforeTheClaim) {
  auto x = ExtractText("По данным Минобороны России, российские войска отразили пять атак за сутки.");
  const Claim* c = FindClaim(x, "отразили пять атак");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(SpeakerHas(c, "Минобороны"));
  EXPECT_EQ(c->cue, "По данным");
}

TEST(RussianAttribution, PoSlovamAfterTheClaim) {
  auto x = ExtractText("В поселке повреждена подстанция, по словам Вячеслава Гладкова.");
  const Claim* c = FindClaim(x, "повреждена подстанция");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(SpeakerHas(c, "Гладков"));
}

TEST(RussianAttribution, SoSsylkoyNaSourcesIsAnUnnamedReport) {
  auto x = ExtractText("Со ссылкой на источники в силовых структурах, в регион переброшены новые подразделения.");
  const Claim* c = FindClaim(x, "переброшены новые");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, ClaimStatus::kReported);
}

TEST(RussianAttribution, GovoritsyaVSoobshcheniiNamesTheBody) {
  auto x = ExtractText("Уничтожены два склада боеприпасов, говорится в сообщении Минобороны России.");
  const Claim* c = FindClaim(x, "два склада");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(SpeakerHas(c, "Минобороны"));
}

TEST(RussianAttribution, KakSoobshchilBeforeTheClaim) {
  auto x = ExtractText("Как сообщил Вячеслав Гладков, в Шебекино повреждены три дома.");
  const Claim* c = FindClaim(x, "повреждены три дома");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(SpeakerHas(c, "Гладков"));
}

TEST(RussianAttribution, ObEtomSoobshchilAttributesThePreviousSentence) {
  auto x = ExtractText("В результате атаки беспилотника пострадали два человека.\n\n"
                       "Об этом сообщил губернатор Вячеслав Гладков.");
  const Claim* c = FindClaim(x, "пострадали два человека");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(SpeakerHas(c, "Гладков"));
  EXPECT_EQ(FindClaim(x, "Об этом"), nullptr);  // the attribution is no claim
}

TEST(UkrainianAttribution, PovidomyvAndZaznachyvAfterAComma) {
  auto x = ExtractText("Окупанти обстріляли Херсон, загинула жінка, повідомив Олександр Прокудін.\n\n"
                       "Рятувальники працюють на місці, зазначив він.");
  const Claim* a = FindClaim(x, "обстріляли Херсон");
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(SpeakerHas(a, "Прокудін"));
  const Claim* b = FindClaim(x, "Рятувальники працюють");
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(SpeakerHas(b, "Прокудін"));
}

TEST(UkrainianAttribution, ZayavyvShcho) {
  auto x = ExtractText("Речник Повітряних сил Юрій Ігнат заявив, що ворог запустив понад 40 дронів.");
  const Claim* c = FindClaim(x, "ворог запустив");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(SpeakerHas(c, "Ігнат"));
  EXPECT_EQ(c->status, ClaimStatus::kAsserted);
}

TEST(UkrainianAttribution, ZaDanymyAndZaSlovamy) {
  auto x = ExtractText("За даними Генштабу ЗСУ, за добу відбито 30 атак.\n\n"
                       "Олег Синєгубов приїхав на місце удару. За його словами, пошкоджено 12 будинків.");
  const Claim* a = FindClaim(x, "відбито 30 атак");
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(SpeakerHas(a, "Генштаб"));
  const Claim* b = FindClaim(x, "пошкоджено 12");
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(SpeakerHas(b, "Синєгубов"));
}

TEST(UkrainianAttribution, ZPosylannyamNaNamesTheSource) {
  auto x = ExtractText("З посиланням на ДПСУ, прикордонники знищили російський склад боєприпасів.");
  const Claim* c = FindClaim(x, "знищили російський склад");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(SpeakerHas(c, "ДПСУ"));
}

TEST(UkrainianAttribution, YdetsyaUPovidomlenniNamesTheBody) {
  auto x = ExtractText("Ворог атакував Одесу ударними дронами, йдеться у повідомленні Повітряних сил.");
  const Claim* c = FindClaim(x, "атакував Одесу");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(SpeakerHas(c, "Повітряних сил"));
}

TEST(UkrainianAttribution, ProTsePovidomyvAttributesThePreviousParagraph) {
  auto x = ExtractText("Внаслідок удару по Харкову загинули троє людей.\n\n"
                       "Про це повідомив начальник Харківської ОВА Олег Синєгубов.");
  const Claim* c = FindClaim(x, "загинули троє");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(SpeakerHas(c, "Синєгубов"));
  EXPECT_EQ(c->status, ClaimStatus::kAsserted);
}

TEST(UkrainianAttribution, DzhereloLineNamesThePostsSource) {
  auto x = ExtractText("Внаслідок обстрілу Куп'янська пошкоджено школу та два будинки.\n\n"
                       "Джерело: Харківська ОВА");
  const Claim* c = FindClaim(x, "пошкоджено школу");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(SpeakerHas(c, "ОВА"));
  EXPECT_EQ(c->status, ClaimStatus::kAsserted);
}

// ------------------------------------------------------------ status

TEST(UkrainianStatus, NeVidpovidayeDiysnostiIsADenial) {
  auto x = ExtractText("У Генштабі ЗСУ заявили, що інформація про оточення бригади не відповідає дійсності.");
  const Claim* c = FindClaim(x, "оточення бригади");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, ClaimStatus::kDenied);
  ASSERT_TRUE(c->status_cue.has_value());
  EXPECT_EQ(c->status_cue->text, "не відповідає дійсності");
}

TEST(UkrainianStatus, SprostovuyutAndZaperechuyeAreDenials) {
  auto x = ExtractText("У ЦПД спростовують чутки про відступ українських військ з міста.\n\n"
                       "Генштаб ЗСУ заперечує, що окупанти захопили залізничну станцію.");
  const Claim* a = FindClaim(x, "відступ українських");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->status, ClaimStatus::kDenied);
  const Claim* b = FindClaim(x, "захопили залізничну");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->status, ClaimStatus::kDenied);
}

TEST(RussianStatus, OprovergIsADenial) {
  auto x = ExtractText("Дмитрий Песков опроверг сообщения о переговорах с Киевом.");
  const Claim* c = FindClaim(x, "сообщения о переговорах");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, ClaimStatus::kDenied);
}

TEST(UkrainianStatus, NibytoHedgesTheOutletsSentence) {
  auto x = ExtractText("Росіяни нібито захопили село Кринки на лівому березі.");
  const Claim* c = FindClaim(x, "захопили село");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, ClaimStatus::kAlleged);
}

TEST(RussianStatus, YakobyInReportedSpeechIsAlleged) {
  auto x = ExtractText("Военкоры заявили, что украинские войска якобы отошли от Работино.");
  const Claim* c = FindClaim(x, "отошли");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, ClaimStatus::kAlleged);
}

TEST(RussianStatus, PoNeproverennymDannymIsAlleged) {
  auto x = ExtractText("По непроверенным данным, в районе села сбит вертолет.");
  const Claim* c = FindClaim(x, "сбит вертолет");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, ClaimStatus::kAlleged);
  EXPECT_EQ(c->kind, ClaimKind::kReport);
}

TEST(RussianStatus, OutletThatCannotCheckMakesTheClaimUnverified) {
  auto x = ExtractText("Минобороны России заявило, что уничтожены четыре танка.\n\n"
                       "Редакция не может оперативно проверить эту информацию.");
  const Claim* c = FindClaim(x, "уничтожены четыре танка");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, ClaimStatus::kUnverified);
}

TEST(UkrainianStatus, OutletThatCannotVerifyMakesTheClaimUnverified) {
  auto x = ExtractText("Генштаб ЗСУ заявив, що знищено дев'ять російських танків.\n\n"
                       "Редакція не може незалежно перевірити ці дані.");
  const Claim* c = FindClaim(x, "дев'ять російських танків");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, ClaimStatus::kUnverified);
}

// "по информации ведомства": the body a claim before named speaks again.
TEST(RussianAttribution, VedomstvoIsTheBodyNamedBefore) {
  auto x = ExtractText("Над областью уничтожены 44 беспилотника, сообщили в Минобороны России. "
                       "По информации ведомства, еще шесть дронов перехвачены над Курской областью.");
  const Claim* c = FindClaim(x, "шесть дронов перехвачены");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(SpeakerHas(c, "Минобороны")) << (c->speaker ? c->speaker->name : "none");
  auto alone = ExtractText("По информации ведомства, еще шесть дронов перехвачены над Курской областью.");
  const Claim* a = FindClaim(alone, "шесть дронов перехвачены");
  ASSERT_NE(a, nullptr);
  EXPECT_FALSE(SpeakerHas(a, "Минобороны"));
}

TEST(UkrainianAttribution, VidomstvoIsTheBodyNamedBefore) {
  auto x = ExtractText("Генштаб ЗСУ повідомив, що відбито 38 атак. "
                       "За даними відомства, противник втратив 12 танків.");
  const Claim* c = FindClaim(x, "втратив 12 танків");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(SpeakerHas(c, "Генштаб")) << (c->speaker ? c->speaker->name : "none");
}

// A count is a word of a short complement: "повідомив, що відбито 38 атак".
TEST(UkrainianAttribution, ShortComplementWithACount) {
  auto x = ExtractText("Генштаб ЗСУ повідомив, що відбито 38 атак.");
  const Claim* c = FindClaim(x, "відбито 38 атак");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(SpeakerHas(c, "Генштаб"));
}

// "У Силах оборони це спростовують": a denial whose object is "це" denies
// the claim before it.
TEST(UkrainianStatus, DenialOfTseDeniesTheClaimBefore) {
  auto x = ExtractText("Російські пабліки стверджують, що окупанти просунулися біля села. "
                       "У Силах оборони півдня це спростовують.");
  const Claim* c = FindClaim(x, "окупанти просунулися біля села");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, ClaimStatus::kDenied);
  auto other = ExtractText("Російські пабліки стверджують, що окупанти просунулися біля села. "
                           "У Силах оборони півдня це підтверджують.");
  const Claim* o = FindClaim(other, "окупанти просунулися біля села");
  ASSERT_NE(o, nullptr);
  EXPECT_NE(o->status, ClaimStatus::kDenied);
}

TEST(RussianStatus, DenialOfEtoDeniesTheClaimBefore) {
  auto x = ExtractText("Украинские паблики утверждают, что ВСУ заняли еще два села. "
                       "В Минобороны России это опровергли.");
  const Claim* c = FindClaim(x, "ВСУ заняли еще два села");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, ClaimStatus::kDenied);
}

// "требует проверки" / "потребує підтвердження": the outlet says the
// report is yet to be checked.
TEST(RussianStatus, NeedsCheckingMakesTheClaimBeforeUnverified) {
  auto x = ExtractText("По словам источников, противник перебросил к городу две роты.\n\n"
                       "Эта информация требует проверки.");
  const Claim* c = FindClaim(x, "перебросил к городу две роты");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, ClaimStatus::kUnverified);
  auto plain = ExtractText("По словам источников, противник перебросил к городу две роты.");
  const Claim* p = FindClaim(plain, "перебросил к городу две роты");
  ASSERT_NE(p, nullptr);
  EXPECT_NE(p->status, ClaimStatus::kUnverified);
}

TEST(UkrainianStatus, NeedsConfirmationMakesTheClaimBeforeUnverified) {
  auto x = ExtractText("За словами джерел, окупанти перекинули до міста дві роти.\n\n"
                       "Ці дані потребують підтвердження.");
  const Claim* c = FindClaim(x, "перекинули до міста дві роти");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, ClaimStatus::kUnverified);
}

// ------------------------------------------------------------ names

TEST(RussianNames, SentenceInitialCommonWordsAreNoNames) {
  auto x = ExtractText("Обстрел Шебекино продолжается. Они бьют по кварталам. Там нет света.");
  for (const Person& p : x.people) {
    EXPECT_EQ(p.name.find("Обстрел"), std::string::npos) << p.name;
    EXPECT_NE(p.name, "Они");
    EXPECT_NE(p.name, "Там");
  }
}

TEST(UkrainianNames, SameOpeningASentenceIsNoName) {
  auto x = ExtractText("Саме тому Олег Синєгубов закликав мешканців евакуюватися.");
  ASSERT_EQ(x.people.size(), 1u);
  EXPECT_EQ(x.people[0].name.find("Саме"), std::string::npos);
}

TEST(RussianNames, AdjectiveOfAPlaceAfterATitleIsNoPerson) {
  auto x = ExtractText("Губернатор Белгородской области Вячеслав Гладков заявил, что ночь прошла спокойно.");
  for (const Person& p : x.people) EXPECT_NE(p.name, "Белгородской");
}

// ------------------------------------------------------------ quantities

TEST(RussianQuantities, NumberWordCountsItsNounInBaseForm) {
  auto x = ExtractText("Силы ПВО сбили семь украинских беспилотников.");
  const Quantity* q = FindQuantity(x, 7);
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->unit, "беспилотник");
}

TEST(RussianQuantities, CollectiveNumberCountsPeople) {
  auto x = ExtractText("В результате обстрела ранены двое, еще шестеро госпитализированы.");
  const Quantity* two = FindQuantity(x, 2);
  ASSERT_NE(two, nullptr);
  EXPECT_EQ(two->unit, "people");
  const Quantity* six = FindQuantity(x, 6);
  ASSERT_NE(six, nullptr);
  EXPECT_EQ(six->unit, "people");
}

TEST(UkrainianQuantities, ThousandsMultiplyAndPersonsArePeople) {
  auto x = ExtractText("З області евакуйовано понад 25 тисяч людей, ще вісім осіб поранені.");
  const Quantity* q = FindQuantity(x, 25000);
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->unit, "people");
  EXPECT_EQ(q->bound, QuantityBound::kMoreThan);
  const Quantity* e = FindQuantity(x, 8);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->unit, "people");
}

// The point: "не более 5" is at most 5, not the "более 5" inside it; "до"
// is at most, except after a verb of change ("возросло до 55": a new total).
TEST(RussianQuantities, BoundPhrasesMatchLongestFirst) {
  auto x = ExtractText("Погибли не более 5 человек, ранены не менее 12 человек.");
  const Quantity* five = FindQuantity(x, 5);
  ASSERT_NE(five, nullptr);
  EXPECT_EQ(five->bound, QuantityBound::kAtMost);
  const Quantity* twelve = FindQuantity(x, 12);
  ASSERT_NE(twelve, nullptr);
  EXPECT_EQ(twelve->bound, QuantityBound::kAtLeast);
  auto up_to = ExtractText("Обстрел ранил до 320 военнослужащих.");
  const Quantity* q = FindQuantity(up_to, 320);
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->bound, QuantityBound::kAtMost);
  auto grew = ExtractText("Число погибших возросло до 55 человек.");
  const Quantity* total = FindQuantity(grew, 55);
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->bound, QuantityBound::kExact);
}

TEST(UkrainianQuantities, NoMoreThanIsAnUpperBound) {
  auto x = ExtractText("Загинули не більше 7 людей, кількість поранених зросла до 40 людей.");
  const Quantity* seven = FindQuantity(x, 7);
  ASSERT_NE(seven, nullptr);
  EXPECT_EQ(seven->bound, QuantityBound::kAtMost);
  const Quantity* forty = FindQuantity(x, 40);
  ASSERT_NE(forty, nullptr);
  EXPECT_EQ(forty->bound, QuantityBound::kExact);
}

TEST(UkrainianQuantities, DevyatWithApostrophe) {
  auto x = ExtractText("Збито дев'ять ударних дронів.");
  const Quantity* q = FindQuantity(x, 9);
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->unit, "дрон");
}

TEST(RussianQuantities, AgesAndClockTimesAreNoCounts) {
  auto x = ExtractText("В 14:30 ранена 40-летняя женщина.");
  EXPECT_EQ(FindQuantity(x, 14), nullptr);
  EXPECT_EQ(FindQuantity(x, 30), nullptr);
  EXPECT_EQ(FindQuantity(x, 40), nullptr);
}

TEST(RussianQuantities, PrepositionAfterTheNumberIsNoUnit) {
  auto x = ExtractText("Выпущено 12 по жилым кварталам.");
  for (const Quantity& q : x.quantities) EXPECT_NE(q.unit, "по");
}

TEST(RussianQuantities, DecimalCommaBeforeMillion) {
  auto x = ExtractText("Ущерб составил 1,5 млн рублей.");
  const Quantity* q = FindQuantity(x, 1.5e6);
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->unit, "RUB");
}

// ------------------------------------------------------------ dates

const DateMention* FindDate(const Extraction& x, const std::string& text) {
  for (const DateMention& d : x.dates) {
    if (d.text.find(text) != std::string::npos) return &d;
  }
  return nullptr;
}

TEST(RussianDates, NightBeforeADayIsDatedByThatDay) {
  auto x = ExtractText("В ночь на 3 марта сбиты беспилотники.", "2024-03-04");
  const DateMention* d = FindDate(x, "3 марта");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->from.ToString(), "2024-03-03");
  EXPECT_EQ(d->time_precision, 1);
}

TEST(UkrainianDates, NightAndMonthInTheGenitive) {
  auto x = ExtractText("У ніч на 15 квітня росіяни атакували Одесу. 20 листопада ворог обстріляв Херсон.",
                       "2024-12-01");
  const DateMention* a = FindDate(x, "15 квітня");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->from.ToString(), "2024-04-15");
  const DateMention* b = FindDate(x, "20 листопада");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->from.ToString(), "2024-11-20");
}

TEST(UkrainianDates, YearWithRoku) {
  auto x = ExtractText("Це сталося 12 жовтня 2024 року.", "2025-01-10");
  const DateMention* d = FindDate(x, "12 жовтня 2024 року");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->from.ToString(), "2024-10-12");
}

TEST(RussianDates, WeekdayInTheAccusative) {
  // 2024-08-10 is a Saturday; the Thursday before is 2024-08-08.
  auto x = ExtractText("В четверг обстрелу подверглась Суджа.", "2024-08-10");
  const DateMention* d = FindDate(x, "четверг");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->from.ToString(), "2024-08-08");
}

// A weekday after a future marker is the coming one: an announced event is
// not dated in the past.
TEST(RussianDates, WeekdayAfterAFutureMarkerIsTheComingOne) {
  // 2024-08-10 is a Saturday; the coming Thursday is 2024-08-15.
  auto x = ExtractText("Переговоры будут продолжены в четверг, сообщил Песков.", "2024-08-10");
  const DateMention* d = FindDate(x, "четверг");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->from.ToString(), "2024-08-15");
}

TEST(UkrainianDates, MynuloyiDobyIsTheDayBeforePublication) {
  auto x = ExtractText("Минулої доби відбулося 40 боєзіткнень.", "2024-10-12");
  const DateMention* d = FindDate(x, "Минулої доби");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->from.ToString(), "2024-10-11");
  EXPECT_EQ(d->to.ToString(), "2024-10-12");
}

// Ukrainian writes "в" or "у" by the sound around it: "учора" is "вчора".
TEST(UkrainianDates, UchoraAndVchoraAreYesterday) {
  for (const char* word : {"Учора", "Вчора"}) {
    auto x = ExtractText(std::string(word) + " росіяни 14 разів обстріляли Оріхів.", "2024-06-07");
    const DateMention* d = FindDate(x, word);
    ASSERT_NE(d, nullptr) << word;
    EXPECT_EQ(d->from.ToString(), "2024-06-06");
  }
}

TEST(RussianDates, ZaSutki) {
  auto x = ExtractText("За сутки отражено пять атак.", "2024-10-12");
  const DateMention* d = FindDate(x, "сутки");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->from.ToString(), "2024-10-11");
}

TEST(UkrainianDates, DottedDatesAndARangeBetweenThem) {
  auto x = ExtractText("Втрати противника з 24.02.22 по 15.03.25 склали близько 893 340 осіб.", "2025-03-15");
  const DateMention* d = FindDate(x, "24.02.22");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->from.ToString(), "2022-02-24");
  EXPECT_EQ(d->to.ToString(), "2025-03-15");
  for (const Quantity& q : x.quantities) EXPECT_NE(q.value, 15.03) << q.text;  // a date, not a number
}

// Found by scripts/fuzz (extract): a dotted token with a long run of
// digits overflowed the parser's int (UBSan in the sanitizer build); it is
// no date.
TEST(UkrainianDates, ALongRunOfDigitsBetweenDotsIsNoDate) {
  auto x = ExtractText("Втрати з 888888888888.02.22 по 15.03.25 та 24.0299999999999.2022 невідомі.", "2025-03-15");
  EXPECT_EQ(FindDate(x, "888888888888"), nullptr);
  EXPECT_EQ(FindDate(x, "24.0299999999999"), nullptr);
  EXPECT_NE(FindDate(x, "15.03.25"), nullptr);
}

TEST(UkrainianQuantities, ThousandsWrittenApartAreOneNumber) {
  auto x = ExtractText("Втрати склали близько 893 340 осіб.", "2025-03-15");
  const Quantity* q = FindQuantity(x, 893340);
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->unit, "people");
  EXPECT_EQ(q->bound, QuantityBound::kApprox);
}

// "81 керовану авіабомбу": an adjective the dictionary knows by its lemma
// (керований), whatever its ending, is skipped to reach the counted noun.
TEST(UkrainianQuantities, AdjectiveKnownByItsLemmaIsSkipped) {
  auto x = ExtractText("Противник скинув 81 керовану авіабомбу.", "2024-12-05");
  const Quantity* q = FindQuantity(x, 81);
  ASSERT_NE(q, nullptr);
  EXPECT_NE(q->unit, "керований");
  EXPECT_EQ(q->unit.rfind("авіабомб", 0), 0u) << q->unit;
}

// "близько 747 070 (+1 590) осіб": the bracketed change stands between the
// count and its noun.
TEST(UkrainianQuantities, BracketedChangeBeforeTheNounIsSkipped) {
  auto x = ExtractText("Втрати противника: особового складу — близько 747 070 (+1 590) осіб.", "2024-12-05");
  const Quantity* q = FindQuantity(x, 747070);
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->unit, "people");
  EXPECT_EQ(q->bound, QuantityBound::kApprox);
  EXPECT_EQ(FindQuantity(x, 1590), nullptr);
}

// ------------------------------------------------------------ events

std::string EventSubType(const Extraction& x, const std::string& needle) {
  const Claim* c = FindClaim(x, needle);
  return c != nullptr && c->event ? c->event->sub_type : "";
}

TEST(RussianEvents, TriggersByLemma) {
  auto x = ExtractText("Над областью сбит беспилотник. Российские войска взяли под контроль село Степовое. "
                       "Из приграничных сел продолжается эвакуация жителей. Обстрел Шебекино продолжается.");
  EXPECT_EQ(EventSubType(x, "сбит беспилотник"), "Disrupted weapons use");
  EXPECT_EQ(EventSubType(x, "взяли под контроль"), "Armed clash");
  EXPECT_EQ(EventSubType(x, "эвакуация"), "Evacuation");
  EXPECT_EQ(EventSubType(x, "Обстрел Шебекино"), "Shelling/artillery/missile attack");
}

TEST(UkrainianEvents, TriggersByLemma) {
  auto x = ExtractText("Сили оборони звільнили село Роботине. Над Київщиною знищено вісім ракет. "
                       "Внаслідок обстрілу загинули двоє людей.");
  EXPECT_EQ(EventSubType(x, "звільнили село"), "Armed clash");
  EXPECT_EQ(EventSubType(x, "знищено вісім ракет"), "Disrupted weapons use");
  EXPECT_EQ(EventSubType(x, "загинули двоє"), "Shelling/artillery/missile attack");
}

TEST(RussianEvents, NoVictimsIsNoAttack) {
  auto x = ExtractText("Над областью сбиты два беспилотника. Пострадавших нет.");
  EXPECT_EQ(EventSubType(x, "Пострадавших нет"), "");
  EXPECT_EQ(EventSubType(x, "сбиты два"), "Disrupted weapons use");
}

}  // namespace
}  // namespace sitrep
