# expect: dash 0.5.12 does not accept SIG-prefixed names: bad trap, status 1
# zinebox-differs: zinebox sh accepts SIGINT as bash does (issue 7: every signal by name or number)
trap 'echo x' SIGINT
echo "status $?"
trap
