x=global
outer() { local x=outer; inner; }
inner() { echo "inner sees $x"; }
outer
inner
