package situations

// ErrSlugTaken is errSlugTaken, for the tests.
var ErrSlugTaken = errSlugTaken
