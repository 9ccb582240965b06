mkdir d
cd d
pwd extra | sed 's|.*/||'
