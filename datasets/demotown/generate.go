package demotown

// The committed TownFile is WriteTown's output; tests fail until it is regenerated.
//go:generate go run ./gen
