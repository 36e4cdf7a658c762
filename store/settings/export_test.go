package settings

// FyneRoot is fyneRoot for the tests, which check every system's folder.
var FyneRoot = fyneRoot
