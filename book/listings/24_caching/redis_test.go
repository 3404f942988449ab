package caching

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

type Profile struct {
	Name  string `json:"name"`
	Plan  string `json:"plan"`
	Seats int    `json:"seats"`
}

// ANCHOR: redis
func cacheProfile(ctx context.Context, rdb *redis.Client, id string, p Profile) error {
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	// SET profile:<id> <json> EX 300: Redis deletes it in five minutes.
	return rdb.Set(ctx, "profile:"+id, b, 5*time.Minute).Err()
}

func cachedProfile(ctx context.Context, rdb *redis.Client,
	id string) (Profile, bool, error) {
	var p Profile
	b, err := rdb.Get(ctx, "profile:"+id).Bytes()
	if errors.Is(err, redis.Nil) {
		return p, false, nil // a miss is not an error
	}
	if err != nil {
		return p, false, err // Redis is down: say so
	}
	return p, true, json.Unmarshal(b, &p)
}

// ANCHOR_END: redis

// ANCHOR: limiter
// incr counts a request and starts the window on the first one. Redis runs
// a script as one command: no other client, and no crash, comes between
// the INCR and the PEXPIRE.
var incr = redis.NewScript(`
local n = redis.call("INCR", KEYS[1])
if n == 1 then
	redis.call("PEXPIRE", KEYS[1], ARGV[1])
end
return n
`)

func allow(ctx context.Context, rdb *redis.Client, key string, limit int,
	window time.Duration) (bool, error) {
	n, err := incr.Run(ctx, rdb, []string{"rate:" + key}, window.Milliseconds()).Int()
	if err != nil {
		return false, err
	}
	return n <= limit, nil
}

// ANCHOR_END: limiter

func Example_redis() {
	mr, err := miniredis.Run() // an in-process Redis, for examples and tests
	if err != nil {
		panic(err)
	}
	defer mr.Close()
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	defer rdb.Close()
	ctx := context.Background()

	fmt.Println(cachedProfile(ctx, rdb, "42"))
	cacheProfile(ctx, rdb, "42", Profile{Name: "Ada", Plan: "team", Seats: 5})
	fmt.Println(cachedProfile(ctx, rdb, "42"))
	fmt.Println(rdb.TTL(ctx, "profile:42").Val())
	mr.FastForward(5 * time.Minute)
	fmt.Println(cachedProfile(ctx, rdb, "42"))

	for range 4 {
		ok, _ := allow(ctx, rdb, "ada", 3, time.Minute)
		fmt.Print(ok, " ")
	}
	fmt.Println(rdb.TTL(ctx, "rate:ada").Val())
	// Output:
	// {  0} false <nil>
	// {Ada team 5} true <nil>
	// 5m0s
	// {  0} false <nil>
	// true true true false 1m0s
}
