#include "events/checks.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "events/event.h"

namespace evident::events {
namespace {

using lexicon::EventType;
using lexicon::Role;

// A hand-built event with one exact count in sentence `sentence`.
Event MakeEvent(EventType type, Role role, std::optional<int64_t> value, uint32_t sentence = 0, int part_of = -1) {
  Event e;
  e.type = type;
  e.sentence_index = sentence;
  e.part_of = part_of;
  if (value) {
    Count c;
    c.role = role;
    c.value = value;
    c.low = value;
    c.high = value;
    e.counts.push_back(c);
  }
  return e;
}

Event WithDate(Event e, CivilDate d) {
  e.date = DateRef{d, "day", "explicit", Span{}};
  return e;
}

Event Approximate(Event e) {
  for (auto& c : e.counts) c.approximate = true;
  return e;
}

std::vector<Check> OfKind(const std::vector<Check>& checks, std::string_view kind) {
  std::vector<Check> out;
  for (const auto& c : checks)
    if (c.kind == kind) out.push_back(c);
  return out;
}

// "512 were found guilty, 301 of whom were jailed, while 140 were fined and 71 received warnings."
std::vector<Event> Convictions(int64_t jailed, int64_t fined, int64_t warned) {
  return {MakeEvent(EventType::kConvict, Role::kConvicted, 512),
          MakeEvent(EventType::kSentence, Role::kJailed, jailed, 0, 0),
          MakeEvent(EventType::kSentence, Role::kFined, fined, 0, 0),
          MakeEvent(EventType::kSentence, Role::kWarned, warned, 0, 0)};
}

TEST(CheckNumbers, PartsSumConsistent) {
  auto checks = CheckNumbers(Convictions(301, 140, 71));
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].kind, "parts_sum");
  EXPECT_EQ(checks[0].result, "consistent");
  EXPECT_EQ(checks[0].events, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(checks[0].message, "jailed 301 + fined 140 + warned 71 = convicted 512");
}

TEST(CheckNumbers, PartsSumPartialWhenPartsFallShort) {
  auto checks = CheckNumbers(Convictions(301, 140, 11));
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].kind, "parts_sum");
  EXPECT_EQ(checks[0].result, "partial");
  EXPECT_NE(checks[0].message.find("60 not accounted for"), std::string::npos) << checks[0].message;
}

TEST(CheckNumbers, PartsSumInconsistentWhenExactPartsExceedTheTotal) {
  auto checks = CheckNumbers(Convictions(301, 140, 171));
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].kind, "parts_sum");
  EXPECT_EQ(checks[0].result, "inconsistent");
  EXPECT_NE(checks[0].message.find("= 612, more than convicted 512"), std::string::npos) << checks[0].message;
}

TEST(CheckNumbers, PartsSumOnlyPartialWhenAnApproximatePartExceedsTheTotal) {
  auto events = Convictions(301, 140, 171);
  events[3] = Approximate(events[3]);  // "about 171 were warned"
  auto checks = CheckNumbers(events);
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].kind, "parts_sum");
  EXPECT_EQ(checks[0].result, "partial");
}

TEST(CheckNumbers, NoPartsSumForAVagueTotalOrUncountedParts) {
  // "Hundreds were arrested; 12 of them were charged": the total has no value.
  Event total = MakeEvent(EventType::kArrest, Role::kArrested, std::nullopt);
  Count vague;
  vague.role = Role::kArrested;
  vague.low = 200;
  vague.high = 999;
  vague.approximate = true;
  total.counts.push_back(vague);
  EXPECT_TRUE(CheckNumbers({total, MakeEvent(EventType::kCharge, Role::kCharged, 12, 0, 0)}).empty());
  // A part without a count adds nothing to check.
  EXPECT_TRUE(CheckNumbers({MakeEvent(EventType::kArrest, Role::kArrested, 12),
                            MakeEvent(EventType::kCharge, Role::kCharged, std::nullopt, 0, 0)})
                  .empty());
}

TEST(CheckNumbers, SubsetInconsistentWhenAPartIsLargerThanItsSet) {
  // "12 were arrested ... 15 of the arrested were charged"
  auto checks = CheckNumbers(
      {MakeEvent(EventType::kArrest, Role::kArrested, 12, 0), MakeEvent(EventType::kCharge, Role::kCharged, 15, 1, 0)});
  auto subset = OfKind(checks, "subset");
  ASSERT_EQ(subset.size(), 1u);
  EXPECT_EQ(subset[0].result, "inconsistent");
  EXPECT_EQ(subset[0].events, (std::vector<int>{0, 1}));
  EXPECT_EQ(subset[0].message, "charged 15 is larger than its set, arrested 12");
  auto sum = OfKind(checks, "parts_sum");
  ASSERT_EQ(sum.size(), 1u);
  EXPECT_EQ(sum[0].result, "inconsistent");
  EXPECT_TRUE(OfKind(checks, "repeated").empty());
  EXPECT_TRUE(OfKind(checks, "contradiction").empty());
}

TEST(CheckNumbers, NoSubsetCheckForAPartWithinItsSet) {
  auto checks = CheckNumbers(
      {MakeEvent(EventType::kArrest, Role::kArrested, 15, 0), MakeEvent(EventType::kCharge, Role::kCharged, 15, 1, 0)});
  EXPECT_TRUE(OfKind(checks, "subset").empty());
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].kind, "parts_sum");
  EXPECT_EQ(checks[0].result, "consistent");
}

TEST(CheckNumbers, RepeatedConsistentAcrossSentences) {
  // "3 were killed ... the three dead"
  auto checks = CheckNumbers(
      {MakeEvent(EventType::kAssault, Role::kKilled, 3, 0), MakeEvent(EventType::kAssault, Role::kKilled, 3, 2)});
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].kind, "repeated");
  EXPECT_EQ(checks[0].result, "consistent");
  EXPECT_EQ(checks[0].events, (std::vector<int>{0, 1}));
  EXPECT_EQ(checks[0].message, "killed 3 is stated again in a later sentence");
}

TEST(CheckNumbers, NoRepeatInTheSameSentenceForOneOrForOtherRoles) {
  EXPECT_TRUE(CheckNumbers({MakeEvent(EventType::kAssault, Role::kKilled, 3, 1),
                            MakeEvent(EventType::kAssault, Role::kKilled, 3, 1)})
                  .empty());
  EXPECT_TRUE(CheckNumbers({MakeEvent(EventType::kAssault, Role::kKilled, 1, 0),
                            MakeEvent(EventType::kAssault, Role::kKilled, 1, 1)})
                  .empty());
  EXPECT_TRUE(CheckNumbers({MakeEvent(EventType::kAssault, Role::kKilled, 3, 0),
                            MakeEvent(EventType::kAssault, Role::kInjured, 3, 1)})
                  .empty());
}

TEST(CheckNumbers, NoRepeatOrContradictionForEventsThatDidNotHappen) {
  Event planned = WithDate(MakeEvent(EventType::kArrest, Role::kArrested, 40, 1), {2026, 3, 10});
  planned.status = EventStatus::kNegated;
  Event happened = WithDate(MakeEvent(EventType::kArrest, Role::kArrested, 40, 0), {2026, 3, 10});
  EXPECT_TRUE(CheckNumbers({happened, planned}).empty());
  planned.counts[0].value = planned.counts[0].low = planned.counts[0].high = 55;
  planned.status = EventStatus::kHypothetical;
  EXPECT_TRUE(CheckNumbers({planned, happened}).empty());
}

TEST(CheckNumbers, ContradictionForDifferentExactFiguresOfTheSameGroup) {
  // "police detained 40 ... police detained 55", same type, role and date.
  auto checks = CheckNumbers({WithDate(MakeEvent(EventType::kArrest, Role::kArrested, 40, 0), {2026, 3, 10}),
                              WithDate(MakeEvent(EventType::kArrest, Role::kArrested, 55, 3), {2026, 3, 10})});
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].kind, "contradiction");
  EXPECT_EQ(checks[0].result, "inconsistent");
  EXPECT_EQ(checks[0].events, (std::vector<int>{0, 1}));
  EXPECT_EQ(checks[0].message, "arrested 40 and arrested 55 are given for the same kind of event on the same date");
}

TEST(CheckNumbers, NoContradictionWhenTypeRoleDateOrExactnessDiffer) {
  const CivilDate day{2026, 3, 10};
  auto a = WithDate(MakeEvent(EventType::kArrest, Role::kArrested, 40, 0), day);
  // Another date.
  EXPECT_TRUE(
      CheckNumbers({a, WithDate(MakeEvent(EventType::kArrest, Role::kArrested, 55, 1), {2026, 3, 11})}).empty());
  // No date on one of them.
  EXPECT_TRUE(CheckNumbers({a, MakeEvent(EventType::kArrest, Role::kArrested, 55, 1)}).empty());
  // Another type with the same role.
  EXPECT_TRUE(CheckNumbers({a, WithDate(MakeEvent(EventType::kCustody, Role::kArrested, 55, 1), day)}).empty());
  // Another role.
  EXPECT_TRUE(CheckNumbers({a, WithDate(MakeEvent(EventType::kArrest, Role::kDetained, 55, 1), day)}).empty());
  // An approximate figure ("about 55").
  EXPECT_TRUE(
      CheckNumbers({a, Approximate(WithDate(MakeEvent(EventType::kArrest, Role::kArrested, 55, 1), day))}).empty());
  // One person is no group figure.
  EXPECT_TRUE(CheckNumbers({a, WithDate(MakeEvent(EventType::kArrest, Role::kArrested, 1, 1), day)}).empty());
  // The same sentence.
  EXPECT_TRUE(CheckNumbers({a, WithDate(MakeEvent(EventType::kArrest, Role::kArrested, 55, 0), day)}).empty());
}

TEST(CheckNumbers, NoContradictionBetweenAPartAndItsSet) {
  const CivilDate day{2026, 3, 10};
  auto checks = CheckNumbers({WithDate(MakeEvent(EventType::kArrest, Role::kArrested, 40, 0), day),
                              WithDate(MakeEvent(EventType::kArrest, Role::kArrested, 12, 1, 0), day)});
  EXPECT_TRUE(OfKind(checks, "contradiction").empty());
  ASSERT_EQ(OfKind(checks, "parts_sum").size(), 1u);
  EXPECT_EQ(OfKind(checks, "parts_sum")[0].result, "partial");
}

TEST(CheckNumbers, NothingForASingleEventOrNone) {
  EXPECT_TRUE(CheckNumbers({}).empty());
  EXPECT_TRUE(CheckNumbers({MakeEvent(EventType::kArrest, Role::kArrested, 15)}).empty());
  EXPECT_TRUE(CheckNumbers({MakeEvent(EventType::kProtest, Role::kParticipants, std::nullopt)}).empty());
}

}  // namespace
}  // namespace evident::events
