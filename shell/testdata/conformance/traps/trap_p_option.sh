# expect: dash 0.5.12 has no trap -p: Illegal option, and trap being special the script exits 2
# zinebox-differs: issue 7 asks for trap -p (as in bash and POSIX 2024), so zinebox sh lists the traps
trap 'echo x' INT
trap -p
echo not reached
