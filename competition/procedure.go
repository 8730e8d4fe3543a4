package competition

// Procedure records the decisions of the procedure (items 14–42). It is
// extended by the procedure documents.
type Procedure struct{}
