alias hi='echo aliased-hi'
( hi )
echo "$(hi)"
