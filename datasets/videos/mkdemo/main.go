// Command mkdemo makes the demo town's video guides from their captions with ffmpeg, into the
// media folder where the content loader finds them (videos.MediaDir, or the folder given):
//
//	go run ./datasets/videos/mkdemo [DIR]
//
// .ci/media runs it for `make run` and `make test`; videos already made are not made again.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/videos"
)

// contentDir is the video guides' subfolder of the demo town's content folder (web/content).
const contentDir = "videonavody"

func main() {
	dir := videos.MediaDir()
	switch len(os.Args) {
	case 1:
	case 2:
		dir = os.Args[1]
	default:
		fmt.Fprintln(os.Stderr, "usage: mkdemo [DIR]")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := videos.RenderMissing(ctx, demotown.Content(), contentDir, dir, func(g videos.Guide) {
		fmt.Printf("media: made %s\n", g.Video)
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "media:", err)
		os.Exit(1)
	}
}
