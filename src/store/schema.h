// The store's schema and its versioned migrations (docs/store.md documents every table and
// column; keep the two in step).
//
// `schema_version` holds one row per migration applied (version, applied). A database at an
// older version is upgraded by applying the missing migrations in one transaction; a database
// from a newer evident is refused (kSchemaTooNew) so an old binary never writes rows a newer
// schema does not expect.
//
// Adding a migration: append its SQL to kMigrations (never edit an applied one), raise
// kSchemaVersion, document the change in docs/store.md, add a test that upgrades a database
// created at the previous version.
#pragma once

#include <string_view>

#include "common/status.h"
#include "store/sqlite.h"

namespace evident::store {

inline constexpr int kSchemaVersion = 3;

// The version of `db` (0 for a new, empty database). A database that has tables but no
// schema_version table is not an evident database: an error.
Result<int> ReadSchemaVersion(Database& db);

// Creates or upgrades the schema to kSchemaVersion. Errors: a newer version than this binary
// knows (the message says which, and to use a newer evident), a non-evident database, or an
// SQLite failure. `tools` callers map a non-ok Status to exit code 3.
Status Migrate(Database& db);

}  // namespace evident::store
