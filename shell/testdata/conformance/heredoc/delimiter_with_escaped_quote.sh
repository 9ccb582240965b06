# zinebox-known-failure: a here-document delimiter with an escaped quote is not matched
cat <<"E\"F"
q
E"F
echo after
