> f echo first
cat f
2>/dev/null >g echo second
cat g
