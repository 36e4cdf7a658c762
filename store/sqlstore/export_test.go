package sqlstore

// What the tests outside the package read of its insides.

// RefreshVisitsSQL is the statement that brings the kept visits of the
// clients matched by where up to date.
var RefreshVisitsSQL = refreshVisitsSQL

// ListAtMost lowers the most ids a query lists, for a test of what a
// bulk write does past it; the returned func puts it back.
func ListAtMost(n int) (restore func()) {
	was := listedIDsAtMost
	listedIDsAtMost = n
	return func() { listedIDsAtMost = was }
}

// VerifyClientsPerPage sets how many clients the check reads at once, for
// a test that its findings do not depend on its pages; the returned func
// puts it back.
func VerifyClientsPerPage(n int) (restore func()) {
	was := verifyClientsPerPage
	verifyClientsPerPage = n
	return func() { verifyClientsPerPage = was }
}
