# expect: POSIX lets an implementation keep a leading // (it may mean something else); dash keeps exactly two, folds three
cd /; echo "$PWD"
cd //; echo "$PWD"
cd ///; echo "$PWD"
