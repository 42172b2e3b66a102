package demotown

// The committed TownFile and the files in AreasDir are the output of WriteTown and AreaFiles;
// tests fail until they are regenerated.
//go:generate go run ./gen
