#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sched.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/types.h>
/* Flag and enumeration decoding: calls that mostly fail, with every
   flag set, compared with real strace line by line. */
int main(){
 write(99, "BEGIN", 5);
 syscall(SYS_openat, AT_FDCWD, "/x", O_RDWR|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|O_NONBLOCK|O_DSYNC|O_ASYNC|O_DIRECT|O_LARGEFILE|O_DIRECTORY|O_NOFOLLOW|O_NOATIME|O_CLOEXEC, 04755);
 syscall(SYS_openat, AT_FDCWD, "/x", O_WRONLY|O_SYNC|O_PATH);
 syscall(SYS_openat, AT_FDCWD, "/x", O_RDWR|O_TMPFILE, 0600);
 syscall(SYS_openat, AT_FDCWD, "/x", 3|0x40000000);
 syscall(SYS_mmap, 0, 4096, PROT_READ|PROT_WRITE|PROT_EXEC|0x8|PROT_GROWSDOWN, MAP_SHARED|MAP_FIXED|MAP_ANONYMOUS|MAP_32BIT|MAP_GROWSDOWN|MAP_DENYWRITE|MAP_EXECUTABLE|MAP_LOCKED|MAP_NORESERVE|MAP_POPULATE|MAP_NONBLOCK|MAP_STACK|MAP_HUGETLB|MAP_FIXED_NOREPLACE, -1, 0);
 syscall(SYS_mmap, 0, 4096, PROT_NONE, MAP_SHARED_VALIDATE|MAP_SYNC, 5, 0x1000);
 syscall(SYS_clone, CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_PIDFD|CLONE_PTRACE|CLONE_VFORK|CLONE_PARENT|CLONE_THREAD|CLONE_NEWNS|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID|CLONE_DETACHED|CLONE_UNTRACED|CLONE_CHILD_SETTID|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET|CLONE_IO|SIGCHLD, 0x1000, 0x2000, 0x3000, 0x4000);
 syscall(SYS_newfstatat, AT_FDCWD, "/x", 0, AT_SYMLINK_NOFOLLOW|AT_REMOVEDIR|AT_SYMLINK_FOLLOW|AT_NO_AUTOMOUNT|AT_EMPTY_PATH|AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC|AT_RECURSIVE|AT_EACCESS);
 syscall(SYS_unlinkat, 3, "/x", AT_REMOVEDIR);
 syscall(SYS_access, "/x", F_OK); syscall(SYS_access, "/x", X_OK|W_OK|R_OK|16);
 syscall(SYS_lseek, 0, -1, SEEK_END); syscall(SYS_lseek, 0, 5, SEEK_DATA); syscall(SYS_lseek, 0, 5, 9);
 syscall(SYS_mprotect, 0x1000, 4096, PROT_NONE);
 syscall(SYS_rt_sigprocmask, SIG_SETMASK, 0, 0, 8);
 sigset_t s; sigfillset(&s); syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &s, 0, 8);
 sigemptyset(&s); sigaddset(&s, 40); sigaddset(&s, SIGHUP); sigaddset(&s, 64); syscall(SYS_rt_sigprocmask, 5, &s, 0, 8);
 syscall(SYS_kill, 999999, 0); syscall(SYS_kill, 999999, 40); syscall(SYS_kill, 999999, 99);
 syscall(SYS_fcntl, 1, F_GETFD); syscall(SYS_fcntl, 1, F_SETFD, FD_CLOEXEC); syscall(SYS_fcntl, 1, F_DUPFD_CLOEXEC, 3); syscall(SYS_fcntl, 1, F_GETFL); syscall(SYS_fcntl, 1, F_SETFL, O_NONBLOCK|O_APPEND);
 syscall(SYS_wait4, -1, 0, WNOHANG|WUNTRACED|__WALL, 0);
 write(99, "END", 3);
 syscall(SYS_exit_group, 0);
}
