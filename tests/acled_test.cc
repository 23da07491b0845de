// ACLED's columns for sitrep's events (src/store/acled.h, docs/acled.md):
// codes, actor names by date, and events dated after their report.
#include <sstream>

#include <gtest/gtest.h>

#include "sitrep/store.h"
#include "store/acled.h"
#include "tests/test_util.h"

namespace sitrep {
namespace {

std::string Column(const EventRow& row, std::string_view name) {
  const std::vector<ExportColumn>& columns = EventColumns();
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == name) return row.values[i];
  }
  ADD_FAILURE() << "no column " << name;
  return "";
}

ClaimRecord Event(std::string type, std::string sub_type, std::string actor1, std::string actor2,
                  std::string country, std::string date) {
  ClaimRecord c;
  c.id = 7;
  c.event_type = std::move(type);
  c.sub_event_type = std::move(sub_type);
  c.actor1 = std::move(actor1);
  c.actor2 = std::move(actor2);
  c.place_country = std::move(country);
  c.date_from = date;
  c.published = date;
  c.time_precision = 1;
  c.outlet = "Example Wire";
  return c;
}

// ACLED's interaction: the smaller code first; one actor alone, times ten.
TEST(Acled, InteractionCodesPutTheSmallerCodeFirst) {
  EXPECT_EQ(InteractionCode(ActorCategory::kExternal, ActorCategory::kStateForces), 18);
  EXPECT_EQ(InteractionCode(ActorCategory::kStateForces, ActorCategory::kCivilians), 17);
  EXPECT_EQ(InteractionCode(ActorCategory::kProtesters, ActorCategory::kNone), 60);
  EXPECT_EQ(InteractionCode(ActorCategory::kStateForces, ActorCategory::kStateForces), 11);
}

TEST(Acled, TheColumnsAreAcledsThirtyOneThenSitreps) {
  const std::vector<ExportColumn>& columns = EventColumns();
  ASSERT_GT(columns.size(), kAcledColumnCount);
  EXPECT_EQ(columns[0].name, "event_id_cnty");
  EXPECT_EQ(columns[kAcledColumnCount - 1].name, "timestamp");
  EXPECT_EQ(columns[kAcledColumnCount].name, "claim_status");
  for (const ExportColumn& c : columns) EXPECT_LE(c.short_name.size(), 10u) << c.name;  // dBase field names
}

// State forces are named for the government in power on the event's day,
// and coded external (8) outside their own country.
TEST(Acled, StateForcesAreNamedForTheGovernmentOfTheDay) {
  Result<EventRow> before = AcledEventRow(Event("Battles", "Armed clash", "USA", "", "SYR", "2024-12-01"), nullptr);
  ASSERT_TRUE(before.ok()) << before.status().message();
  EXPECT_EQ(Column(*before, "actor1"), "Military Forces of the United States (2021-2025)");
  EXPECT_EQ(Column(*before, "inter1"), "8");
  Result<EventRow> after = AcledEventRow(Event("Battles", "Armed clash", "USA", "", "SYR", "2025-02-01"), nullptr);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(Column(*after, "actor1"), "Military Forces of the United States (2025-)");
  // Ukraine before and after 2019-05-20; a country without a row: no period.
  EXPECT_EQ(Column(*AcledEventRow(Event("Battles", "Armed clash", "UKR", "", "UKR", "2018-03-01"), nullptr), "actor1"),
            "Military Forces of Ukraine (2014-2019)");
  Result<EventRow> own = AcledEventRow(Event("Battles", "Armed clash", "POL", "", "POL", "2024-03-01"), nullptr);
  EXPECT_EQ(Column(*own, "actor1"), "Military Forces of Poland");
  EXPECT_EQ(Column(*own, "inter1"), "1");
  EXPECT_EQ(Column(*own, "iso"), "616");
  EXPECT_EQ(Column(*own, "region"), "Europe");
  EXPECT_EQ(Column(*own, "event_id_cnty"), "POL7");
}

// Demonstrations and violence against civilians are named after the
// country they happen in, with ACLED's codes and disorder types.
TEST(Acled, CrowdsAndCiviliansTakeTheEventsCountry) {
  Result<EventRow> protest = AcledEventRow(Event("Protests", "Peaceful protest", "", "", "RUS", "2024-03-01"), nullptr);
  ASSERT_TRUE(protest.ok());
  EXPECT_EQ(Column(*protest, "actor1"), "Protesters (Russia)");
  EXPECT_EQ(Column(*protest, "inter1"), "6");
  EXPECT_EQ(Column(*protest, "interaction"), "60");
  EXPECT_EQ(Column(*protest, "disorder_type"), "Demonstrations");
  EXPECT_EQ(Column(*protest, "tags"), "crowd size=no report");
  ClaimRecord crowd = Event("Protests", "Excessive force against protesters", "", "RUS", "RUS", "2024-03-01");
  crowd.quantities = {"about 300 people"};
  crowd.quantity_units = {"people"};
  Result<EventRow> forced = AcledEventRow(crowd, nullptr);
  EXPECT_EQ(Column(*forced, "disorder_type"), "Political violence; Demonstrations");
  EXPECT_EQ(Column(*forced, "actor2"), "Military Forces of Russia (2000-)");
  EXPECT_EQ(Column(*forced, "interaction"), "16");
  EXPECT_EQ(Column(*forced, "tags"), "crowd size=about 300 people");
  Result<EventRow> attack =
      AcledEventRow(Event("Violence against civilians", "Attack", "RUS", "", "UKR", "2024-03-01"), nullptr);
  EXPECT_EQ(Column(*attack, "actor2"), "Civilians (Ukraine)");
  EXPECT_EQ(Column(*attack, "interaction"), "78");
  EXPECT_EQ(Column(*attack, "civilian_targeting"), "Civilian targeting");
  Result<EventRow> moved = AcledEventRow(Event("Displacement", "", "", "", "UKR", "2024-03-01"), nullptr);
  EXPECT_FALSE(moved->acled_type);
}

TEST(Acled, SourceScaleDependsOnWhereTheOutletIsAndTheEventIs) {
  ClaimRecord c = Event("Battles", "Armed clash", "RUS", "UKR", "RUS", "2024-08-12");
  c.outlet = "TASS";
  EXPECT_EQ(Column(*AcledEventRow(c, nullptr), "source_scale"), "National");
  c.place_country = "UKR";
  EXPECT_EQ(Column(*AcledEventRow(c, nullptr), "source_scale"), "Regional");
  c.outlet = "reuters";
  EXPECT_EQ(Column(*AcledEventRow(c, nullptr), "source_scale"), "International");
  c.outlet = "Telegram: rybar";
  EXPECT_EQ(Column(*AcledEventRow(c, nullptr), "source_scale"), "New media");
  c.outlet = "Xinhua";  // not listed: unknown, not "Other"
  EXPECT_EQ(Column(*AcledEventRow(c, nullptr), "source_scale"), "");
}

// "by 2030" in a report of 2024: a plan, not an event of 2030.
TEST(Acled, ADateAfterThePublicationIsNotAnEventDate) {
  ClaimRecord c = Event("Battles", "Armed clash", "RUS", "UKR", "UKR", "2030-01-01");
  c.date_to = "2030-12-31";
  c.published = "2024-08-13";
  Result<EventRow> row = AcledEventRow(c, nullptr);
  EXPECT_TRUE(row->after_publication);
  c.date_from = "2024-08-12";
  EXPECT_FALSE(AcledEventRow(c, nullptr)->after_publication);
  c.date_from.reset();
  c.date_to.reset();
  // No date of its own: its report's day, known to within a week.
  row = AcledEventRow(c, nullptr);
  EXPECT_FALSE(row->after_publication);
  EXPECT_EQ(Column(*row, "event_date"), "2024-08-13");
  EXPECT_EQ(Column(*row, "time_precision"), "2");
}

// End to end: a report dated before the day it names is exported without
// that event, and JSON Lines flags it.
TEST(Acled, ExportsLeaveOutEventsDatedAfterTheirReport) {
  testing::TempDir tmp;
  testing::WriteFile(tmp / "a.txt",
                     "---\npublished: 2024-08-13\n---\nRussian drones struck Kharkiv on 20 August 2024, the "
                     "governor said.\n\nRussian drones struck Sumy on Monday, the governor said.\n");
  IngestOptions o;
  o.db_path = tmp / "t.db";
  ASSERT_TRUE(IngestCorpus({tmp / "a.txt"}, o).ok());
  Result<Database> db = Database::Open(o.db_path);
  ASSERT_TRUE(db.ok());
  QueryFilter f;
  f.limit = 0;
  std::ostringstream csv;
  Result<ExportSummary> r = ExportClaims(*db, f, ExportFormat::kAcledCsv, csv);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->written, 1u) << csv.str();
  EXPECT_EQ(r->after_publication, 1u);
  EXPECT_EQ(csv.str().find("2024-08-20"), std::string::npos);
  EXPECT_NE(csv.str().find(",2024-08-12,"), std::string::npos) << csv.str();
  std::ostringstream lines;
  ASSERT_TRUE(ExportClaims(*db, f, ExportFormat::kJsonLines, lines).ok());
  EXPECT_NE(lines.str().find("\"date_from\":\"2024-08-20\",\"date_to\":\"2024-08-20\""), std::string::npos);
  EXPECT_NE(lines.str().find("\"date_after_publication\":true"), std::string::npos) << lines.str();
}

}  // namespace
}  // namespace sitrep
