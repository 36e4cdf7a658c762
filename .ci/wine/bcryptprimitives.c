/* Test-only stand-in for Windows' bcryptprimitives.dll under Debian's wine 8,
 * which lacks ProcessPrng; Go 1.24+ reads its random numbers from it. Built by
 * .ci/windows-test with mingw-w64 and copied into the wine prefix's
 * system32. Never shipped: real Windows 10 and later have the real DLL. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		length -= chunk;
	}
	return TRUE;
}
