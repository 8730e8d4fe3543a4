// Package deadline owns the time limits of the rules of the competitive
// selection (Decree No. 535, items 5–42) as a data table, and evaluates them
// against a competition's dated events: due date and status at a given day.
package deadline
