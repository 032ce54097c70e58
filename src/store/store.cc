#include "store/store.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <utility>

#include "events/cameo.h"
#include "pipeline/json_writer.h"
#include "store/schema.h"

#ifndef EVIDENT_VERSION
#define EVIDENT_VERSION "unknown"
#endif

namespace evident::store {
namespace {

// A document already stored (same content hash) is left alone here; Add() then looks it up.
constexpr std::string_view kInsertDocument = R"sql(
INSERT INTO documents (source_id, origin, url, title, published, content_hash, status, error_code,
  error_message, error_where, warnings, bytes, event_count, run_id, text)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
ON CONFLICT (content_hash) DO NOTHING)sql";

constexpr std::string_view kFindDocument = R"sql(
SELECT doc_id, status FROM documents WHERE content_hash = ?1)sql";

// The same columns as kInsertDocument; ?16 is the doc_id of the failed document replaced.
constexpr std::string_view kUpdateFailedDocument = R"sql(
UPDATE documents SET source_id = ?1, origin = ?2, url = ?3, title = ?4, published = ?5,
  content_hash = ?6, status = ?7, error_code = ?8, error_message = ?9, error_where = ?10,
  warnings = ?11, bytes = ?12, event_count = ?13, run_id = ?14, text = ?15
WHERE doc_id = ?16 AND status = 'failed')sql";

constexpr std::string_view kReplaceDocument = R"sql(
UPDATE documents SET status = ?1, error_code = ?2, error_message = ?3, error_where = ?4,
  event_count = ?5, run_id = ?6
WHERE doc_id = ?7 AND status = 'failed')sql";

constexpr std::string_view kInsertEvent = R"sql(
INSERT INTO events (event_key, doc_id, event_id, type, mode, status, trigger_text, trigger_start, trigger_end,
  sentence_start, sentence_end, actor_text, actor_start, actor_end, actor_sector, actor_country,
  target_text, target_start, target_end, target_sector, target_country, part_of, date_value,
  date_precision, date_basis, date_text, date_start, date_end, location_text, location_start,
  location_end, location_name, location_country, source_text, source_start, source_end,
  plover_event, plover_mode, cameo, location_admin1_code, location_admin1_name, location_lat,
  location_lon, location_geonames_id, location_precision, location_basis, evidence_from)
VALUES (?39, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
  ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38,
  ?40, ?41, ?42, ?43, ?44, ?45, ?46, ?47))sql";

constexpr std::string_view kInsertCount = R"sql(
INSERT INTO counts (event_key, n, doc_id, role, value, low, high, approximate, span_text,
  span_start, span_end)
VALUES (?1, ?11, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10))sql";

constexpr std::string_view kInsertCheck = R"sql(
INSERT INTO checks (doc_id, n, kind, result, events, message) VALUES (?1, ?6, ?2, ?3, ?4, ?5))sql";

constexpr std::string_view kUpdateRun = R"sql(
UPDATE runs SET read = ?1, stored = ?2, skipped_duplicates = ?3, rejected = ?4, failed = ?5,
  events = ?6, bytes = ?7
WHERE run_id = ?8)sql";

std::string_view StatusName(const pipeline::CodedDocument& cd) {
  return cd.status.ok() ? "ok" : cd.failed ? "failed" : "rejected";
}

std::string EventId(int index) { return "e" + std::to_string(index + 1); }

// Small strings formatted into a caller's buffer (no allocation per event).
// PERF: snprintf and the per-event std::string allocations were about 2% of the store thread's
// profile.
struct Buffer {
  char data[24];
  size_t size = 0;
  std::string_view view() const { return {data, size}; }
};

Buffer EventIdIn(int index) {
  Buffer b;
  b.data[0] = 'e';
  auto r = std::to_chars(b.data + 1, b.data + sizeof b.data, index + 1);
  b.size = static_cast<size_t>(r.ptr - b.data);
  return b;
}

Buffer IsoDateIn(const CivilDate& d) {
  Buffer b;
  if (d.year < 0 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) {
    std::string s = FormatIsoDate(d);  // out of the usual range: the general path
    b.size = std::min(s.size(), sizeof b.data);
    std::memcpy(b.data, s.data(), b.size);
    return b;
  }
  auto two = [&](size_t at, int v) {
    b.data[at] = static_cast<char>('0' + v / 10);
    b.data[at + 1] = static_cast<char>('0' + v % 10);
  };
  two(0, d.year / 100);
  two(2, d.year % 100);
  b.data[4] = '-';
  two(5, d.month);
  b.data[7] = '-';
  two(8, d.day);
  b.size = 10;
  return b;
}

void BindSpan(Statement& st, int first, std::string_view text, Span span) {
  st.BindOrNull(first, span.Of(text));
  st.Bind(first + 1, static_cast<int64_t>(span.begin));
  st.Bind(first + 2, static_cast<int64_t>(span.end));
}

void BindActor(Statement& st, int first, std::string_view text, const std::optional<events::ActorRef>& actor) {
  if (!actor) return;  // all NULL (bindings are cleared on Reset)
  BindSpan(st, first, text, actor->span);
  st.Bind(first + 3, lexicon::SectorName(actor->sector));
  st.BindOrNull(first + 4, actor->country);
}

}  // namespace

uint64_t Fnv1a64(std::string_view bytes, uint64_t seed) {
  uint64_t h = seed;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string ContentHash(const pipeline::CodedDocument& cd) {
  uint64_t h = 14695981039346656037ull;
  if (!cd.status.ok() && !cd.failed) {
    h = Fnv1a64("rejected", h);
    h = Fnv1a64(std::string_view("\0", 1), h);
    h = Fnv1a64(cd.doc.origin, h);
    h = Fnv1a64(std::string_view("\0", 1), h);
  }
  h = Fnv1a64(cd.doc.text, h);
  static const char* kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[i] = kHex[h & 15];
    h >>= 4;
  }
  return out;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const OpenOptions& options) {
  auto db = Database::Open(path, options);
  if (!db.ok()) return db.status();
  // WAL: readers (evident events) do not block the ingest and vice versa. synchronous=NORMAL
  // in WAL mode loses no committed transaction when the process dies (kill -9), only possibly
  // the last ones on a power failure, and the database stays consistent either way.
  // A 64 MiB page cache (SQLite's default is 2 MiB) keeps the content-hash index of a few
  // million documents in memory while ingesting.
  // PERF: 16 KiB pages (for a new database; an existing one keeps its size) took 30% less
  // system time than 4 KiB ones when ingesting the dev sets (fewer, larger writes).
  for (std::string_view pragma :
       {"PRAGMA page_size = 16384", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
        "PRAGMA cache_size = -65536", "PRAGMA temp_store = MEMORY"}) {
    if (options.read_only && pragma.find("PRAGMA cache_size") == std::string_view::npos) continue;
    if (Status s = db->Exec(pragma); !s.ok()) return s;
  }
  if (!options.read_only) {
    if (Status s = Migrate(*db); !s.ok()) return s;
  }
  std::unique_ptr<Store> store(new Store(std::move(db).value()));
  if (!options.read_only) {
    if (Status s = store->Prepare(); !s.ok()) return s;
  }
  return store;
}

Store::~Store() { Rollback(); }

Status Store::Prepare() {
  struct {
    Statement* st;
    std::string_view sql;
  } all[] = {
      {&insert_doc_, kInsertDocument},   {&find_doc_, kFindDocument},    {&update_failed_doc_, kUpdateFailedDocument},
      {&replace_doc_, kReplaceDocument}, {&insert_event_, kInsertEvent}, {&insert_count_, kInsertCount},
      {&insert_check_, kInsertCheck},    {&update_run_, kUpdateRun}};
  for (auto& [st, sql] : all) {
    auto prepared = db_.Prepare(sql);
    if (!prepared.ok()) return prepared.status();
    *st = std::move(prepared).value();
  }
  return Status::Ok();
}

Status Store::BeginRun(std::string_view args_json, std::string_view inputs_json) {
  auto st = db_.Prepare(
      "INSERT INTO runs (started, evident_version, args, inputs) "
      "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2, ?3)");
  if (!st.ok()) return st.status();
  st->Bind(1, EVIDENT_VERSION);
  st->Bind(2, args_json);
  st->Bind(3, inputs_json);
  int rc = st->Step();
  if (rc != SQLITE_DONE) return db_.Error(rc, "recording the run");
  run_id_ = db_.LastInsertRowid();
  counts_ = {};
  return Status::Ok();
}

Status Store::Begin() {
  if (in_transaction_) return Status::Ok();
  // IMMEDIATE: take the write lock now (waiting up to the busy timeout), not at the first
  // write, so a locked database is reported before any work is done in this batch.
  if (Status s = db_.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  in_transaction_ = true;
  return Status::Ok();
}

Result<AddOutcome> Store::Add(const pipeline::CodedDocument& cd, std::string_view content_hash) {
  if (Status s = Begin(); !s.ok()) return s;
  const text::Document& doc = cd.doc;
  scratch_.clear();
  if (!doc.warnings.empty()) {
    scratch_ += '[';
    for (size_t i = 0; i < doc.warnings.size(); ++i) {
      if (i) scratch_ += ',';
      pipeline::AppendJsonString(doc.warnings[i], &scratch_);
    }
    scratch_ += ']';
  }
  auto bind_document = [&](Statement& st) {
    st.Bind(1, doc.id);
    st.Bind(2, doc.origin);
    st.BindOrNull(3, doc.url);
    st.BindOrNull(4, doc.title);
    st.BindOrNull(5, doc.published);
    st.Bind(6, content_hash);
    st.Bind(7, StatusName(cd));
    if (!cd.status.ok()) {
      st.Bind(8, ErrorCodeName(cd.status.code()));
      st.Bind(9, cd.status.message());
      st.Bind(10, cd.status.where().empty() ? doc.origin : cd.status.where());
    }
    st.BindOrNull(11, scratch_);
    st.Bind(12, static_cast<int64_t>(doc.text.size()));
    st.Bind(13, static_cast<int64_t>(cd.status.ok() ? cd.events.size() : 0));
    st.Bind(14, run_id_);
    // A rejected input can be 8 MiB of binary data: keep only its start, for diagnosis.
    bool rejected = !cd.status.ok() && !cd.failed;
    st.Bind(15, rejected ? std::string_view(doc.text).substr(0, kMaxRejectedTextBytes) : std::string_view(doc.text));
  };
  auto step = [&](Statement& st) -> Status {
    int rc = st.Step();
    Status s = rc == SQLITE_DONE ? Status::Ok() : db_.Error(rc, "storing document " + doc.origin);
    st.Reset();
    return s;
  };
  bind_document(insert_doc_);
  if (Status s = step(insert_doc_); !s.ok()) return s;
  bool inserted = db_.Changes() == 1;
  int64_t doc_id = inserted ? db_.LastInsertRowid() : 0;
  if (!inserted) {
    // Stored before: a duplicate, unless it failed then (this coding replaces it).
    find_doc_.Bind(1, content_hash);
    int rc = find_doc_.Step();
    Status found = rc == SQLITE_ROW ? Status::Ok() : db_.Error(rc, "looking up document " + doc.origin);
    if (rc == SQLITE_ROW && find_doc_.Text(1) == "failed") doc_id = find_doc_.Int(0);
    find_doc_.Reset();
    if (!found.ok()) return found;
    if (doc_id > 0) {
      bind_document(update_failed_doc_);
      update_failed_doc_.Bind(16, doc_id);
      if (Status s = step(update_failed_doc_); !s.ok()) return s;
      inserted = true;
    }
  }
  ++pending_;
  AddOutcome outcome = !inserted        ? AddOutcome::kDuplicate
                       : cd.status.ok() ? AddOutcome::kStored
                       : cd.failed      ? AddOutcome::kFailed
                                        : AddOutcome::kRejected;
  if (outcome == AddOutcome::kStored) {
    if (Status s = InsertCoding(doc_id, cd); !s.ok()) return s;
  }
  counts_.Record(outcome, cd);
  return outcome;
}

Result<AddOutcome> Store::Replace(int64_t doc_id, const pipeline::CodedDocument& cd, std::string_view origin) {
  if (Status s = Begin(); !s.ok()) return s;
  Statement& st = replace_doc_;
  st.Bind(1, StatusName(cd));
  if (!cd.status.ok()) {
    st.Bind(2, ErrorCodeName(cd.status.code()));
    st.Bind(3, cd.status.message());
    st.Bind(4, origin);
  }
  st.Bind(5, static_cast<int64_t>(cd.status.ok() ? cd.events.size() : 0));
  st.Bind(6, run_id_);
  st.Bind(7, doc_id);
  int rc = st.Step();
  st.Reset();
  if (rc != SQLITE_DONE) return db_.Error(rc, "updating document " + std::string(origin));
  ++pending_;
  AddOutcome outcome = db_.Changes() == 0 ? AddOutcome::kDuplicate  // no longer failed: done elsewhere
                       : cd.status.ok()   ? AddOutcome::kStored
                       : cd.failed        ? AddOutcome::kFailed
                                          : AddOutcome::kRejected;
  if (outcome == AddOutcome::kStored) {
    if (Status s = InsertCoding(doc_id, cd); !s.ok()) return s;
  }
  counts_.Record(outcome, cd);
  return outcome;
}

Status Store::InsertCoding(int64_t doc_id, const pipeline::CodedDocument& cd) {
  for (size_t i = 0; i < cd.events.size(); ++i) {
    const events::Event& e = cd.events[i];
    // An event only the title states points into the title (docs/output.md, `from`).
    std::string_view text = e.from_title ? std::string_view(cd.doc.title) : std::string_view(cd.doc.text);
    Statement& st = insert_event_;
    int64_t event_key = EventKey(doc_id, static_cast<int64_t>(i) + 1);
    Buffer event_id = EventIdIn(static_cast<int>(i));
    Buffer part_of = e.part_of >= 0 ? EventIdIn(e.part_of) : Buffer();
    Buffer date_value = e.date ? IsoDateIn(e.date->value) : Buffer();
    events::ExternalCode code = events::ToExternalCode(e.type, e.mode);
    st.Bind(1, doc_id);
    st.Bind(2, event_id.view());
    st.Bind(3, lexicon::EventTypeName(e.type));
    st.BindOrNull(4, e.mode);
    st.Bind(5, events::EventStatusName(e.status));
    st.Bind(6, e.trigger.Of(text));
    st.Bind(7, static_cast<int64_t>(e.trigger.begin));
    st.Bind(8, static_cast<int64_t>(e.trigger.end));
    st.Bind(9, static_cast<int64_t>(e.sentence.begin));
    st.Bind(10, static_cast<int64_t>(e.sentence.end));
    BindActor(st, 11, text, e.actor);
    BindActor(st, 16, text, e.target);
    st.BindOrNull(21, part_of.view());
    if (e.date) {
      st.Bind(22, date_value.view());
      st.Bind(23, e.date->precision);
      st.Bind(24, e.date->basis);
      BindSpan(st, 25, text, e.date->span);
    }
    if (e.location) {
      const events::LocationRef& l = *e.location;
      BindSpan(st, 28, l.basis == "title" ? std::string_view(cd.doc.title) : std::string_view(cd.doc.text), l.span);
      st.BindOrNull(31, l.name);
      st.BindOrNull(32, l.country);
      st.BindOrNull(40, l.admin1_code);
      st.BindOrNull(41, l.admin1_name);
      if (l.has_coordinates) {
        st.Bind(42, l.lat);
        st.Bind(43, l.lon);
      }
      if (l.geonames_id != 0) st.Bind(44, l.geonames_id);
      st.BindOrNull(45, l.precision);
      st.BindOrNull(46, l.basis);
    }
    if (e.source) BindSpan(st, 33, text, *e.source);
    st.Bind(36, code.plover_event);
    st.BindOrNull(37, code.plover_mode);
    st.Bind(38, code.cameo);
    st.Bind(39, event_key);
    st.Bind(47, std::string_view(e.from_title ? "title" : "text"));
    int rc = st.Step();
    st.Reset();
    if (rc != SQLITE_DONE) return db_.Error(rc, "storing the events of " + cd.doc.origin);
    for (size_t k = 0; k < e.counts.size(); ++k) {
      const events::Count& n = e.counts[k];
      Statement& c = insert_count_;
      c.Bind(11, static_cast<int64_t>(k) + 1);
      c.Bind(1, event_key);
      c.Bind(2, doc_id);
      c.Bind(3, lexicon::RoleName(n.role));
      c.Bind(4, n.value);
      c.Bind(5, n.low);
      c.Bind(6, n.high);
      c.Bind(7, static_cast<int64_t>(n.approximate ? 1 : 0));
      c.Bind(8, n.span.Of(text));
      c.Bind(9, static_cast<int64_t>(n.span.begin));
      c.Bind(10, static_cast<int64_t>(n.span.end));
      rc = c.Step();
      c.Reset();
      if (rc != SQLITE_DONE) return db_.Error(rc, "storing the counts of " + cd.doc.origin);
    }
  }
  for (size_t k = 0; k < cd.checks.size(); ++k) {
    const events::Check& check = cd.checks[k];
    std::string ids;
    for (int k : check.events) {
      if (!ids.empty()) ids += ' ';
      ids += EventId(k);
    }
    Statement& st = insert_check_;
    st.Bind(1, doc_id);
    st.Bind(2, check.kind);
    st.Bind(3, check.result);
    st.Bind(4, ids);
    st.Bind(5, check.message);
    st.Bind(6, static_cast<int64_t>(k) + 1);
    int rc = st.Step();
    st.Reset();
    if (rc != SQLITE_DONE) return db_.Error(rc, "storing the checks of " + cd.doc.origin);
  }
  return Status::Ok();
}

Status Store::Commit() {
  if (!in_transaction_) return Status::Ok();
  Statement& st = update_run_;
  st.Bind(1, counts_.read);
  st.Bind(2, counts_.stored);
  st.Bind(3, counts_.skipped_duplicates);
  st.Bind(4, counts_.rejected);
  st.Bind(5, counts_.failed);
  st.Bind(6, counts_.events);
  st.Bind(7, counts_.bytes);
  st.Bind(8, run_id_);
  int rc = st.Step();
  st.Reset();
  if (rc != SQLITE_DONE) return db_.Error(rc, "recording the run's counts");
  if (Status s = db_.Exec("COMMIT"); !s.ok()) return s;
  in_transaction_ = false;
  pending_ = 0;
  return Status::Ok();
}

Status Store::FinishRun() {
  if (Status s = Begin(); !s.ok()) return s;  // the counters are written even for an empty run
  if (Status s = Commit(); !s.ok()) return s;
  auto st = db_.Prepare("UPDATE runs SET finished = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE run_id = ?1");
  if (!st.ok()) return st.status();
  st->Bind(1, run_id_);
  int rc = st->Step();
  if (rc != SQLITE_DONE) return db_.Error(rc, "recording the end of the run");
  return Status::Ok();
}

void Store::Rollback() {
  if (!in_transaction_) return;
  db_.Exec("ROLLBACK");
  in_transaction_ = false;
  pending_ = 0;
}

Status Store::ForEachFailed(const std::function<void(int64_t doc_id, const text::Document& doc)>& fn) {
  auto st = db_.Prepare(
      "SELECT doc_id, source_id, origin, url, title, published, text FROM documents "
      "WHERE status = 'failed' ORDER BY doc_id");
  if (!st.ok()) return st.status();
  int rc;
  while ((rc = st->Step()) == SQLITE_ROW) {
    text::Document doc;
    doc.id = st->String(1);
    doc.origin = st->String(2);
    doc.url = st->String(3);
    doc.title = st->String(4);
    doc.published = st->String(5);
    doc.text = st->String(6);
    fn(st->Int(0), doc);
  }
  if (rc != SQLITE_DONE) return db_.Error(rc, "reading the failed documents");
  return Status::Ok();
}

}  // namespace evident::store
