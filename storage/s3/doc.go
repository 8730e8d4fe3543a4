// Package s3 implements the archive's object store on S3-compatible storage
// with Object Lock (MinIO, or any S3 with versioning and Object Lock).
package s3
