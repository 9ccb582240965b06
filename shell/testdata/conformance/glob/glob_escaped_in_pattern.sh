touch 'x*' xy
echo x\*
echo x\?
