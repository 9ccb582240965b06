alias sayhi='echo hi'
f() { sayhi; }
f
