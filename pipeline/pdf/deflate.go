package pdf

import (
	"bytes"
	"compress/zlib"
	"sync"
)

// A zlib writer carries about 1 MB of match tables; making one per stream
// was a fifth of the writer's time and most of its allocation, so writers
// are reused across streams and documents.
var deflaters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

// deflate appends the zlib compression of data to dst. Fastest deflate:
// content streams come out a fifth bigger than at the default level but are
// written in about two thirds of the time.
func deflate(dst *bytes.Buffer, data []byte) {
	zw := deflaters.Get().(*zlib.Writer)
	zw.Reset(dst)
	zw.Write(data) // writes to a bytes.Buffer cannot fail
	zw.Close()
	zw.Reset(nil)
	deflaters.Put(zw)
}
