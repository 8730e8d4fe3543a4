// Package competition holds the regulation's vocabulary — competition,
// participant, cluster, application, event — as the case file that konkurs
// reads from YAML or JSON, and the rules that make a case file valid.
package competition
