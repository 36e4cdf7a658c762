package sqlstore

// What the tests outside the package read of its insides.

// RefreshVisitsSQL is the statement that brings the kept visits of the
// clients matched by where up to date.
var RefreshVisitsSQL = refreshVisitsSQL
