# expect: dash: return at top level of a script ends the script
echo before
return 5
echo after
